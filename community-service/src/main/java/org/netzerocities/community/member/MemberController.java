package org.netzerocities.community.member;

import java.net.URI;
import java.util.List;

import org.netzerocities.support.caller.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/community/members")
@Tag(name = "Members", description = "Registration, own profile and roles")
class MemberController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final MemberService members;
    private final MemberSessions sessions;

    MemberController(MemberService members, MemberSessions sessions) {
        this.members = members;
        this.sessions = sessions;
    }

    @PostMapping
    @Operation(summary = "Register as a member; answers with the profile and the tokens of a first session, as a "
            + "log-in does")
    ResponseEntity<Registered> register(@Valid @RequestBody Registration registration,
            @RequestHeader(name = HttpHeaders.USER_AGENT, required = false) String userAgent) {
        Member member = members.register(registration);
        MemberSessions.Tokens tokens = sessions.start(member, userAgent);
        return ResponseEntity.created(URI.create("/api/community/members/" + member.id()))
                .body(new Registered(members.view(member), tokens.accessToken(), tokens.tokenType(),
                        tokens.expiresIn(), tokens.refreshToken(), tokens.refreshExpiresIn()));
    }

    @GetMapping("/me")
    @Operation(summary = "The calling member's own profile")
    MemberView me(Caller caller) {
        return members.view(members.get(caller.memberId()));
    }

    @PatchMapping(path = "/me", consumes = { MERGE_PATCH_JSON, "application/json" })
    @Operation(summary = "Edit the own profile with a JSON merge patch (RFC 7396): displayName, bio, city, "
            + "languages, interests, socialHandles {instagram, linkedin, website}, timeZone, directoryVisible. "
            + "null removes an optional field; email and roles are not editable here. A move to another city ends "
            + "the city-bound roles held in the old one.")
    MemberView editProfile(@RequestBody JsonNode patch, Caller caller) {
        return members.view(members.editProfile(caller.memberId(), patch));
    }

    @DeleteMapping("/me")
    @Operation(summary = "Erase the own account (204): profile and credentials go, the email may register again, "
            + "every service drops what it holds on the member and refuses their tokens")
    ResponseEntity<Void> erase(Caller caller) {
        members.erase(caller.memberId());
        return ResponseEntity.noContent().build();
    }

    /** Only those who may grant something learn whether a member id exists. */
    @PostMapping("/{id}/roles")
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeam(authentication)")
    @Operation(summary = "Grant a role: admins any role; a city's transition team FRONTRUNNER in its city")
    MemberView grantRole(@PathVariable String id, @Valid @RequestBody RoleGrantRequest request, Caller caller) {
        return members.view(members.grantRole(id, request, caller));
    }

    @DeleteMapping("/{id}/roles/{role}")
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeam(authentication)")
    @Operation(summary = "Revoke a role (city-bound roles: ?city=, default the member's city); answers with the "
            + "roles left. Same rule as granting.")
    RolesLeft revokeRole(@PathVariable String id, @PathVariable Role role,
            @RequestParam(required = false) String city, Caller caller) {
        Member member = members.revokeRole(id, role, city, caller);
        return new RolesLeft(member.id(), member.roles().stream().sorted(RoleGrant.ORDER).toList());
    }

    record Registered(MemberView member, String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn) {
    }

    record RolesLeft(String memberId, List<RoleGrant> roles) {
    }
}
