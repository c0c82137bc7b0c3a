package org.netzerocities.support.member;

import java.io.IOException;

import org.netzerocities.support.caller.CallerAuthentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Runs after bearer-token authentication: a token of a refused member is answered like any token that is not
 * valid (401), on every route, public ones included, since the token was presented.
 */
public class RefusedMembersFilter extends OncePerRequestFilter {

    private final RefusedMembers refused;
    private final AuthenticationEntryPoint unauthenticated;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    public RefusedMembersFilter(RefusedMembers refused, AuthenticationEntryPoint unauthenticated) {
        this.refused = refused;
        this.unauthenticated = unauthenticated;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = CallerAuthentication.callerOf(contexts.getContext().getAuthentication());
        if (caller.isPresent() && refused.isRefused(caller.get().memberId())) {
            contexts.clearContext();
            unauthenticated.commence(request, response, new InvalidBearerTokenException("The member is refused"));
            return;
        }
        chain.doFilter(request, response);
    }
}
