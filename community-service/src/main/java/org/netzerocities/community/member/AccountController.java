package org.netzerocities.community.member;

import org.netzerocities.community.identity.AcceptablePassword;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The account's security routes; secrets travel in bodies only, never in paths that access logs record. */
@RestController
@Tag(name = "Account", description = "Email verification, password reset and change, email change")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/community/email-verifications")
    @Operation(summary = "Send the calling member a new verification link (202); 409 email-already-verified; 429 "
            + "too-many-verification-emails beyond nzc.community.accounts.verification-emails")
    ResponseEntity<Void> resendVerification(Caller caller) {
        accounts.resendVerification(caller.memberId());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/community/email-verifications/confirmation")
    @Operation(summary = "Follow a verification or email change link with the token of its fragment (204): the "
            + "address is verified, or replaced by the new one. 400 invalid-link for an unknown, expired or used "
            + "link; 409 email-taken when the new address was registered meanwhile")
    ResponseEntity<Void> confirmEmail(@Valid @RequestBody LinkToken body) {
        accounts.confirmEmail(body.token());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/community/password-resets")
    @Operation(summary = "Ask for a password reset link: always 202, whether an account has the address or not")
    ResponseEntity<Void> requestPasswordReset(@Valid @RequestBody ResetRequest body) {
        accounts.requestPasswordReset(body.email());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/community/password-resets/confirmation")
    @Operation(summary = "Set a new password with a reset link's token (204): every session of the member ends and "
            + "the address counts as verified. 400 invalid-link for an unknown, expired or used link")
    ResponseEntity<Void> resetPassword(@Valid @RequestBody PasswordReset body) {
        accounts.resetPassword(body.token(), body.password());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/community/members/me/password")
    @Operation(summary = "Change the own password (204): every session ends. 403 wrong-password; wrong passwords "
            + "count as failed log-ins (429 too-many-log-ins)")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange body, Caller caller,
            HttpServletRequest request) {
        accounts.changePassword(caller.memberId(), body.currentPassword(), body.newPassword(),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/community/members/me/email-change")
    @Operation(summary = "Ask to change the own address (202): a link goes to the new address, which replaces the "
            + "old one once followed (POST email-verifications/confirmation). 403 wrong-password, 409 email-taken, "
            + "429 as for resends")
    ResponseEntity<Void> requestEmailChange(@Valid @RequestBody EmailChange body, Caller caller,
            HttpServletRequest request) {
        accounts.requestEmailChange(caller.memberId(), body.newEmail(), body.password(), request.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    /** A link's token: 43 base64url characters; anything longer is refused before it is looked at. */
    record LinkToken(@NotBlank @Size(max = 100) String token) {
    }

    record ResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record PasswordReset(@NotBlank @Size(max = 100) String token, @NotBlank @AcceptablePassword String password) {
    }

    record PasswordChange(@NotBlank @Size(max = 1000) String currentPassword,
            @NotBlank @AcceptablePassword String newPassword) {
    }

    record EmailChange(@NotBlank @Email @Size(max = 254) String newEmail, @NotBlank @Size(max = 1000) String password) {
    }
}
