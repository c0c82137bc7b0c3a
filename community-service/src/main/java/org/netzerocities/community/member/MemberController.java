package org.netzerocities.community.member;

import java.net.URI;

import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/community/members")
@Tag(name = "Members", description = "Registration, own profile and roles")
class MemberController {

    private final MemberService members;
    private final TokenIssuer tokens;

    MemberController(MemberService members, TokenIssuer tokens) {
        this.members = members;
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(summary = "Register as a member; answers with the profile and a first access token")
    ResponseEntity<Registered> register(@Valid @RequestBody Registration registration) {
        Member member = members.register(registration);
        TokenIssuer.AccessToken token = tokens.issue(member.asCaller(), member.displayName(), member.city());
        return ResponseEntity.created(URI.create("/api/community/members/" + member.id()))
                .body(new Registered(MemberView.of(member), token.accessToken(), token.tokenType(), token.expiresIn()));
    }

    @GetMapping("/me")
    @Operation(summary = "The calling member's own profile")
    MemberView me(Caller caller) {
        return MemberView.of(members.get(caller.memberId()));
    }

    /** Only those who may grant something learn whether a member id exists. */
    @PostMapping("/{id}/roles")
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeam(authentication)")
    @Operation(summary = "Grant a role: admins any role; a city's transition team FRONTRUNNER in its city")
    MemberView grantRole(@PathVariable String id, @Valid @RequestBody RoleGrantRequest request, Caller caller) {
        return MemberView.of(members.grantRole(id, request, caller));
    }

    record Registered(MemberView member, String accessToken, String tokenType, long expiresIn) {
    }
}
