package org.netzerocities.community.member;

import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Identity", description = "Log in and the keys that sign tokens")
class AuthController {

    private final MemberService members;
    private final TokenIssuer tokens;

    AuthController(MemberService members, TokenIssuer tokens) {
        this.members = members;
        this.tokens = tokens;
    }

    @PostMapping("/api/community/auth/token")
    @Operation(summary = "Log in with email and password; returns a bearer access token")
    TokenIssuer.AccessToken token(@Valid @RequestBody Credentials credentials) {
        return members.authenticate(credentials.email(), credentials.password())
                .map(member -> tokens.issue(member.asCaller(), member.displayName(), member.city()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized",
                        "Email or password is wrong"));
    }

    /** An email no registration accepts is refused before it reaches the database. */
    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank String password) {
    }
}
