package org.netzerocities.community.member;

import org.netzerocities.support.caller.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The member's acceptance is part of their account, so it lives with the member; the versions live in terms. */
@RestController
@Tag(name = "Terms")
class TermsAcceptanceController {

    private final MemberService members;

    TermsAcceptanceController(MemberService members) {
        this.members = members;
    }

    @PostMapping("/api/community/terms/acceptance")
    @PreAuthorize("hasRole('MEMBER')")
    @Operation(summary = "Accept the version of the terms in force, the one the member read (204, idempotent); "
            + "409 terms-version-outdated when it was replaced meanwhile, 400 for a version never published")
    ResponseEntity<Void> accept(@Valid @RequestBody Acceptance acceptance, Caller caller) {
        members.acceptTerms(caller.memberId(), acceptance.version());
        return ResponseEntity.noContent().build();
    }

    /** @param version the version the member read and accepts */
    record Acceptance(@NotNull @Positive Integer version) {
    }
}
