package org.netzerocities.community.admin;

import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.member.Role;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/community/admin/members")
@PreAuthorize("@policies.isAdmin(authentication)")
@Tag(name = "Member administration", description = "Admins find, suspend, reinstate and erase members")
class AdminMemberController {

    private final MemberSearch search;
    private final MemberService members;

    AdminMemberController(MemberSearch search, MemberService members) {
        this.search = search;
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "Find members (erased ones are gone): q matches part of the email address or display name "
            + "(case and accents ignored), city their city id, role a role they hold, status ACTIVE or SUSPENDED; "
            + "by name; each with roles, status, emailVerified and joinedAt")
    PageResponse<AdminMemberView> find(@RequestParam(required = false) String q,
            @RequestParam(required = false) String city, @RequestParam(required = false) Role role,
            @RequestParam(required = false) MemberStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var filter = new MemberSearch.Filter(q, city, role, status);
        return search.find(filter, PageResponse.request(page, size, MemberSearch.ORDER));
    }

    @PostMapping("/{id}/suspension")
    @Operation(summary = "Suspend a member with a reason (required, one line, at most 500 characters; kept in the "
            + "audit log, never in an event): their sessions end, log-in answers 403 account-suspended and every "
            + "service refuses their tokens (MemberSuspended). Again: no change. 409 own-account or admin-account: "
            + "an admin is suspended only once their admin role was revoked")
    AdminMemberView suspend(@PathVariable String id, @Valid @RequestBody AdminNoteRequest request, Caller admin) {
        String reason = request.stripped();
        if (reason == null) {
            throw ApiProblem.invalid("reason", "must not be blank");
        }
        return AdminMemberView.of(members.suspend(id, reason, admin));
    }

    @DeleteMapping("/{id}/suspension")
    @Operation(summary = "Reinstate a suspended member, with an optional body {reason} for the audit log "
            + "(MemberReinstated: every service accepts their new tokens). An active member: no change")
    AdminMemberView reinstate(@PathVariable String id,
            @Valid @RequestBody(required = false) AdminNoteRequest request, Caller admin) {
        return AdminMemberView.of(members.reinstate(id, request == null ? null : request.stripped(), admin));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Erase a member's account on their request (204), as the member's own erasure does. "
            + "409 own-account (use DELETE /api/community/members/me) or admin-account (revoke the role first)")
    ResponseEntity<Void> erase(@PathVariable String id, Caller admin) {
        members.eraseOnRequest(id, admin);
        return ResponseEntity.noContent().build();
    }
}
