package org.netzerocities.community.member;

import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/community/members/me/sessions")
@Tag(name = "Sessions", description = "The member's logins on their devices")
class SessionController {

    private final MemberSessions sessions;
    private final MemberService members;

    SessionController(MemberSessions sessions, MemberService members) {
        this.sessions = sessions;
        this.members = members;
    }

    @GetMapping
    @Operation(summary = "The caller's sessions that can still be refreshed, most recently used first: id, userAgent, "
            + "createdAt, lastUsedAt, expiresAt, and current (the session of the access token of this request)")
    PageResponse<MemberSessions.SessionView> list(Caller caller, @AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return sessions.list(caller.memberId(), token.getClaimAsString(TokenIssuer.SESSION_CLAIM),
                PageResponse.request(page, size, Sort.unsorted()));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "End one of the caller's sessions (204): its refresh token stops working; 404 for a session "
            + "that is not the caller's")
    ResponseEntity<Void> end(@PathVariable String id, Caller caller) {
        sessions.end(caller.memberId(), id);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "End every session of the caller, this one included (204): their refresh tokens stop "
            + "working; access tokens already issued run out within their lifetime")
    ResponseEntity<Void> endAll(Caller caller) {
        members.endAllSessions(caller.memberId());
        return ResponseEntity.noContent().build();
    }
}
