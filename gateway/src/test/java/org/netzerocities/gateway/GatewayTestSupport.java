package org.netzerocities.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
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
        try {
            var claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(UUID.randomUUID().toString())
                    .issueTime(Date.from(expiry.minusSeconds(600))).expirationTime(Date.from(expiry)).build();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
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

    static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
