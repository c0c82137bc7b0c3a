package org.netzerocities.community.identity;

import java.util.Map;

import org.netzerocities.community.member.MemberService;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

@RestController
@RequestMapping("/api/community")
@Tag(name = "Identity", description = "Log in and the keys that sign tokens")
class AuthController {

    private final MemberService members;
    private final TokenIssuer tokens;
    private final Map<String, Object> publicKeys;

    AuthController(MemberService members, TokenIssuer tokens, RSAKey tokenSigningKey) {
        this.members = members;
        this.tokens = tokens;
        this.publicKeys = new JWKSet(tokenSigningKey.toPublicJWK()).toJSONObject();
    }

    @PostMapping("/auth/token")
    @Operation(summary = "Log in with email and password; returns a bearer access token")
    TokenIssuer.AccessToken token(@Valid @RequestBody Credentials credentials) {
        return members.authenticate(credentials.email(), credentials.password())
                .map(tokens::issue)
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized",
                        "Email or password is wrong"));
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public keys (JWKS) that verify the platform's tokens")
    Map<String, Object> jwks() {
        return publicKeys;
    }

    record Credentials(@NotBlank String email, @NotBlank String password) {
    }
}
