package org.netzerocities.community.member;

import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Identity", description = "Log in and the keys that sign tokens")
class AuthController {

    private final MemberService members;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;

    AuthController(MemberService members, TokenIssuer tokens, LoginThrottle throttle) {
        this.members = members;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @PostMapping("/api/community/auth/token")
    @Operation(summary = "Log in with email and password; returns a bearer access token. 401 alike for an unknown "
            + "email and a wrong password; 429 too-many-log-ins with Retry-After after too many failures for the "
            + "email or from the client's address (nzc.community.quotas.login), whatever the password; 403 "
            + "account-suspended for a suspended member's right password (a wrong one is 401 as for anyone). "
            + "termsAcceptanceRequired: a newer version of the terms is in force, to accept with POST "
            + "/api/community/terms/acceptance")
    LoggedIn token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        return throttle.attempt(credentials.email(), request.getRemoteAddr(),
                        () -> members.authenticate(credentials.email(), credentials.password()))
                .map(member -> {
                    if (member.suspended()) {
                        throw suspended();
                    }
                    return LoggedIn.of(tokens.issue(member.asCaller(), member.displayName(), member.city()),
                            members.termsAcceptanceRequired(member));
                })
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized",
                        "Email or password is wrong"));
    }

    /** Said only to whoever knows the password: a suspension is no way to learn which addresses have accounts. */
    private static ApiProblem suspended() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "account-suspended", "Forbidden",
                "This account is suspended: contact the platform's admins");
    }

    /**
     * @param termsAcceptanceRequired whether the portal must ask the member to accept the terms in force before
     *                                going on: they accepted an older version, or none
     */
    record LoggedIn(String accessToken, String tokenType, long expiresIn, boolean termsAcceptanceRequired) {

        static LoggedIn of(TokenIssuer.AccessToken token, boolean termsAcceptanceRequired) {
            return new LoggedIn(token.accessToken(), token.tokenType(), token.expiresIn(), termsAcceptanceRequired);
        }
    }

    /** An email no registration accepts is refused before it reaches the database. */
    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank String password) {
    }
}
