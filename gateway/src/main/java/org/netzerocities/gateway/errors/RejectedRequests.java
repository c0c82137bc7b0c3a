package org.netzerocities.gateway.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Spring Security's firewall refuses paths that try to walk out of their route ({@code ..}, {@code %2e%2e%2f},
 * encoded slashes and backslashes, {@code ;}, NUL) before routing; by default with an empty 400. Here that 400
 * is a problem like the gateway's other errors. Spring Security picks up this bean for its filter chain.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final ProblemDetailsErrorHandler problems;

    RejectedRequests(ProblemDetailsErrorHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.info("Request refused by the firewall: {}", rejected.getMessage());
        return problems.handle(exchange, new ResponseStatusException(HttpStatus.BAD_REQUEST,
                "The request's path or headers are not acceptable"));
    }
}
