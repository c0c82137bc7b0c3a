package org.netzerocities.community.member;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.netzerocities.community.identity.TokenIssuer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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
        TokenIssuer.AccessToken token = tokens.issue(member);
        return ResponseEntity.created(URI.create("/api/community/members/" + member.id()))
                .body(new Registered(MemberView.of(member), token.accessToken(), token.tokenType(), token.expiresIn()));
    }

    @GetMapping("/me")
    @Operation(summary = "The calling member's own profile")
    MemberView me(@AuthenticationPrincipal Jwt jwt) {
        return MemberView.of(members.get(jwt.getSubject()));
    }

    @PostMapping("/{id}/roles")
    @Operation(summary = "Grant a role: admins any role; a city's transition team FRONTRUNNER in its city")
    MemberView grantRole(@PathVariable String id, @Valid @RequestBody RoleGrantRequest request,
            @AuthenticationPrincipal Jwt jwt) {
        return MemberView.of(members.grantRole(id, request, grantsOf(jwt)));
    }

    /** The caller's roles as its token states them. */
    private static List<RoleGrant> grantsOf(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<Map<String, Object>> cityGrants = jwt.getClaim("grants");
        var global = roles == null ? List.<RoleGrant>of()
                : roles.stream().flatMap(r -> parse(r).stream()).map(RoleGrant::global).toList();
        var local = cityGrants == null ? List.<RoleGrant>of()
                : cityGrants.stream().flatMap(g -> parse(String.valueOf(g.get("role"))).stream()
                        .map(role -> new RoleGrant(role, String.valueOf(g.get("city"))))).toList();
        return Stream.concat(global.stream(), local.stream()).toList();
    }

    private static Optional<Role> parse(String role) {
        try {
            return Optional.of(Role.valueOf(role));
        }
        catch (IllegalArgumentException ex) {
            return Optional.empty(); // a role this service does not know grants nothing here
        }
    }

    record Registered(MemberView member, String accessToken, String tokenType, long expiresIn) {
    }
}
