package org.netzerocities.community.identity;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Identity", description = "Log in and the keys that sign tokens")
class JwksController {

    private final Map<String, Object> publicKeys;

    JwksController(RSAKey tokenSigningKey) {
        this.publicKeys = new JWKSet(tokenSigningKey.toPublicJWK()).toJSONObject();
    }

    @GetMapping("/api/community/.well-known/jwks.json")
    @Operation(summary = "The public keys (JWKS) that verify the platform's tokens")
    Map<String, Object> jwks() {
        return publicKeys;
    }
}
