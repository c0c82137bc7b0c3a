package org.netzerocities.campaign.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts channels' access tokens at rest with AES-256-GCM: a fresh 96-bit nonce per token, stored before the
 * ciphertext, and the channel id as associated data, so a stored token copied onto another channel does not
 * decrypt. The key is {@code nzc.campaigns.credential-key} (env {@code NZC_CAMPAIGN_CREDENTIAL_KEY}, base64 of 32
 * bytes). Without one (the embedded default) a key is generated for this process only and a warning logged:
 * nothing secret is committed and no known key ever protects real tokens; tokens stored meanwhile cannot be read
 * after a restart (the refresh job then warns the channel's teams, who store it again).
 */
class CredentialCipher {

    private static final Logger log = LoggerFactory.getLogger(CredentialCipher.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("nzc.campaigns.credential-key must be the base64 of 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @throws IllegalArgumentException when the configured key is not the base64 of 32 bytes
     */
    static CredentialCipher fromConfiguration(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            log.warn("No nzc.campaigns.credential-key (NZC_CAMPAIGN_CREDENTIAL_KEY) configured: channel credentials "
                    + "are encrypted with a key generated for this process and cannot be read after a restart");
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            return new CredentialCipher(generated);
        }
        return new CredentialCipher(Base64.getDecoder().decode(base64Key.strip()));
    }

    String encrypt(String token, String channelId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, channelId);
            byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                    .put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available", ex);
        }
    }

    /** The token, or empty when the ciphertext was made with another key or for another channel, or is damaged. */
    Optional<String> decrypt(String ciphertext, String channelId) {
        try {
            byte[] stored = Base64.getDecoder().decode(ciphertext);
            if (stored.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES), channelId);
            byte[] token = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return Optional.of(new String(token, StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            return Optional.empty();
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String channelId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(channelId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
