package org.netzerocities.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.ForgedTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;

/**
 * The token checks every service but community-service gets from its configuration alone: Boot's decoder reading
 * the issuer's JWKS (served here over HTTP) and checking the issuer, plus what service-support adds.
 */
@SpringBootTest(classes = ProbeApplication.class)
@AutoConfigureMockMvc
class TokenValidationTest {

    static final String ISSUER = "http://localhost:8080/api/community";
    static final RSAKey KEY = new RSAKey.Builder((RSAPublicKey) ProbeApplication.KEYS.getPublic())
            .privateKey((RSAPrivateKey) ProbeApplication.KEYS.getPrivate()).keyID("probe").build();
    static final HttpServer JWKS = jwks();
    static final ForgedTokens TOKENS = new ForgedTokens(KEY, ISSUER);

    @Autowired
    MockMvc http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://localhost:" + JWKS.getAddress().getPort() + "/jwks.json");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stopJwks() {
        JWKS.stop(0);
    }

    @TestFactory
    Stream<DynamicTest> aTokenThatIsNotValidIsA401Problem() {
        return TOKENS.refused(UUID.randomUUID().toString()).entrySet().stream()
                .map(forged -> DynamicTest.dynamicTest(forged.getKey(), () -> unauthenticated(call("/probe/me",
                        forged.getValue()))));
    }

    @Test
    void aMissingTokenIsA401ProblemAndAValidOneIsAccepted() throws Exception {
        unauthenticated(http.perform(get("/probe/me")));
        String member = UUID.randomUUID().toString();
        call("/probe/me", TOKENS.valid(member)).andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(member));
    }

    @Test
    void aValidTokenWithoutTheRightsIsA403Problem() throws Exception {
        call("/probe/admin", TOKENS.valid(UUID.randomUUID().toString()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/forbidden"));
    }

    private ResultActions call(String path, String token) throws Exception {
        return http.perform(get(path).header("Authorization", "Bearer " + token));
    }

    private static void unauthenticated(ResultActions response) throws Exception {
        response.andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/unauthenticated"));
    }

    private static HttpServer jwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks.json", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (var out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
