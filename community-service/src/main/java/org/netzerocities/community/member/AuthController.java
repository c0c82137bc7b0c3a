package org.netzerocities.community.member;

import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Identity", description = "Log in, refresh and log out; the keys that sign tokens")
class AuthController {

    private final MemberService members;
    private final MemberSessions sessions;
    private final LoginThrottle throttle;

    AuthController(MemberService members, MemberSessions sessions, LoginThrottle throttle) {
        this.members = members;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @PostMapping("/api/community/auth/token")
    @Operation(summary = "Log in with email and password; starts a session (named after the User-Agent) and returns "
            + "a short-lived bearer access token and a refresh token. 401 alike for an unknown "
            + "email and a wrong password; 429 too-many-log-ins with Retry-After after too many failures for the "
            + "email or from the client's address (nzc.community.quotas.login), whatever the password; 403 "
            + "account-suspended for a suspended member's right password (a wrong one is 401 as for anyone). "
            + "termsAcceptanceRequired: a newer version of the terms is in force, to accept with POST "
            + "/api/community/terms/acceptance")
    MemberSessions.Tokens token(@Valid @RequestBody Credentials credentials, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        return throttle.attempt(credentials.email(), request.getRemoteAddr(),
                        () -> members.authenticate(credentials.email(), credentials.password()))
                .map(member -> {
                    if (member.suspended()) {
                        throw suspended();
                    }
                    return sessions.start(member, userAgent);
                })
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Unauthorized",
                        "Email or password is wrong"));
    }

    @PostMapping("/api/community/auth/refresh")
    @Operation(summary = "Exchange a refresh token for a new access token (with the member's current roles) and a new "
            + "refresh token; each refresh token works once. 401 invalid-refresh-token for an unknown, expired or "
            + "already used token (a used one presented again ends its session: someone else holds a copy), an ended "
            + "session, or an erased or suspended member")
    MemberSessions.Tokens refresh(@Valid @RequestBody RefreshTokenBody body) {
        return sessions.refresh(body.refreshToken());
    }

    @PostMapping("/api/community/auth/logout")
    @Operation(summary = "End the session of a refresh token (204, whatever the token: the answer tells nothing about "
            + "it); access tokens already issued run out within their lifetime")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshTokenBody body) {
        sessions.logOut(body.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** Said only to whoever knows the password: a suspension is no way to learn which addresses have accounts. */
    private static ApiProblem suspended() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "account-suspended", "Forbidden",
                "This account is suspended: contact the platform's admins");
    }

    /** An email no registration accepts is refused before it reaches the database. */
    record Credentials(@NotBlank @Size(max = 254) String email, @NotBlank String password) {
    }

    /** Refresh tokens are 43 characters; anything far longer is not one. */
    record RefreshTokenBody(@NotBlank @Size(max = 128) String refreshToken) {
    }
}
