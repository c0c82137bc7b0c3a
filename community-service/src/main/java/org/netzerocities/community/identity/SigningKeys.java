package org.netzerocities.community.identity;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The RSA key that signs members' tokens. Generated on first start and kept in this service's
 * database, so tokens survive restarts and every instance of the service signs with the same key.
 */
final class SigningKeys {

    private static final String CURRENT = "token-signing";

    private SigningKeys() {
    }

    static RSAKey loadOrCreate(MongoTemplate mongo, Clock clock) {
        StoredKey stored = mongo.findById(CURRENT, StoredKey.class);
        if (stored == null) {
            try {
                stored = mongo.insert(generate(clock.instant()));
            }
            catch (DuplicateKeyException ex) {
                stored = mongo.findById(CURRENT, StoredKey.class); // another instance generated it first
            }
        }
        return stored.toRsaKey();
    }

    private static StoredKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder base64 = Base64.getEncoder();
            return new StoredKey(CURRENT, UUID.randomUUID().toString(),
                    base64.encodeToString(pair.getPrivate().getEncoded()),
                    base64.encodeToString(pair.getPublic().getEncoded()), now);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("RSA is not available", ex);
        }
    }

    @Document("signing_keys")
    record StoredKey(@Id String id, String keyId, String privateKey, String publicKey, Instant createdAt) {

        RSAKey toRsaKey() {
            try {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                Base64.Decoder base64 = Base64.getDecoder();
                var publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(base64.decode(this.publicKey)));
                var privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(base64.decode(this.privateKey)));
                return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(keyId).keyUse(KeyUse.SIGNATURE)
                        .build();
            }
            catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
                throw new IllegalStateException("Stored signing key is unreadable", ex);
            }
        }
    }
}
