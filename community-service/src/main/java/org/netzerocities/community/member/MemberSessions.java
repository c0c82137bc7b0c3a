package org.netzerocities.community.member;

import java.time.Instant;

import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.community.session.IssuedSession;
import org.netzerocities.community.session.Session;
import org.netzerocities.community.session.Sessions;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Members' sessions: a login starts one, a refresh renews it with the member as they are now (their current roles
 * in the access token; an erased or suspended member, or a session voided since, is refused), and the member sees
 * and ends theirs.
 */
@Component
class MemberSessions {

    private final Sessions sessions;
    private final MemberService members;
    private final TokenIssuer tokens;

    MemberSessions(Sessions sessions, MemberService members, TokenIssuer tokens) {
        this.sessions = sessions;
        this.members = members;
        this.tokens = tokens;
    }

    /** A login (or a registration): a new session and its first tokens. */
    Tokens start(Member member, String userAgent) {
        return tokensOf(member, sessions.start(member.id(), userAgent));
    }

    /**
     * Exchanges a refresh token for a new pair.
     *
     * @throws ApiProblem 401 {@code invalid-refresh-token}, alike for every reason, so that the answer tells
     *                    nothing about the token or the member
     */
    Tokens refresh(String refreshToken) {
        return sessions.rotate(refreshToken, session -> members.find(session.memberId())
                        .filter(member -> member.maySessionContinue(session.createdAt())))
                .map(renewed -> tokensOf(renewed.holder(), renewed.session()))
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-refresh-token", "Unauthorized",
                        "The refresh token is not valid (expired, already used or its session ended); log in again"));
    }

    void logOut(String refreshToken) {
        sessions.endByToken(refreshToken);
    }

    /** @param currentSessionId the session of the caller's access token, marked as current */
    PageResponse<SessionView> list(String memberId, String currentSessionId, Pageable page) {
        Instant validAfter = members.get(memberId).sessionsValidAfter();
        return PageResponse.of(sessions.active(memberId, validAfter).stream()
                .map(session -> SessionView.of(session, session.id().equals(currentSessionId)))
                .toList(), page);
    }

    /** @throws ApiProblem 404 when the member has no such session: another member's is as unknown as none */
    void end(String memberId, String sessionId) {
        if (!sessions.end(memberId, sessionId)) {
            throw ApiProblem.notFound("The session");
        }
    }

    private Tokens tokensOf(Member member, IssuedSession session) {
        TokenIssuer.AccessToken access = tokens.issue(member.asCaller(), member.displayName(), member.city(),
                session.sessionId());
        return new Tokens(access.accessToken(), access.tokenType(), access.expiresIn(), session.refreshToken(),
                session.refreshExpiresIn(), members.termsAcceptanceRequired(member));
    }

    /**
     * The answer to a login or a refresh.
     *
     * @param termsAcceptanceRequired whether the portal must ask the member to accept the terms in force before
     *                                going on: they accepted an older version, or none
     */
    record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn,
            boolean termsAcceptanceRequired) {
    }

    /** One session as its member sees it. */
    record SessionView(String id, String userAgent, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
            boolean current) {

        static SessionView of(Session session, boolean current) {
            return new SessionView(session.id(), session.userAgent(), session.createdAt(), session.lastUsedAt(),
                    session.expiresAt(), current);
        }
    }
}
