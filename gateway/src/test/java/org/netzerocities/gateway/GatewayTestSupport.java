package org.netzerocities.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** What the gateway tests share: tokens signed as community-service signs them, and stand-in HTTP servers. */
final class GatewayTestSupport {

    static final String ISSUER = "http://localhost:8080/api/community";
    static final String JWKS_PATH = "/api/community/.well-known/jwks.json";

    private GatewayTestSupport() {
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String jwks(RSAKey key) {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    static String token(RSAKey key, Instant expiry) {
        return token(key, claims -> claims.issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry)));
    }

    /** A token signed with {@code key} (RS256) whose claims, those of a valid token, {@code change} alters. */
    static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            var jwt = new SignedJWT(header(JWSAlgorithm.RS256, key), change.apply(validClaims()).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A valid token's claims, unsigned: {@code alg: none}. */
    static String unsignedToken(RSAKey key) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + key.getKeyID() + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(validClaims().build().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A valid token's claims with an HMAC keyed with the issuer's public key, which anyone can read from the JWKS. */
    static String hs256WithPublicKey(RSAKey key) {
        try {
            var jwt = new SignedJWT(header(JWSAlgorithm.HS256, key), validClaims().build());
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JWSHeader header(JWSAlgorithm algorithm, RSAKey key) {
        return new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
    }

    static HttpServer startServer(Map<String, HttpHandler> handlers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            handlers.forEach(server::createContext);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A service endpoint that answers with the bearer token it received, or {@code anonymous}. */
    static HttpHandler echoAuthorization() {
        return exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            reply(exchange, 200, authorization == null ? "anonymous" : authorization);
        };
    }

    static String baseUrl(HttpServer server) {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** A service endpoint that answers 200 with {@code body} after {@code millis}: a slow service. */
    static HttpHandler replyAfter(long millis, String body) {
        return exchange -> {
            try {
                Thread.sleep(millis);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200, body);
        };
    }

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
