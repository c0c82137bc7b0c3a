package org.netzerocities.gateway.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's firewall refuses paths that try to walk out of their route ({@code ..}, {@code %2e%2e%2f},
 * encoded slashes and backslashes, {@code ;}, NUL) before routing; by default with an empty 400. Here that 400
 * is a problem like every other refusal. Spring Security picks up this bean for its filter chain.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final JsonMapper json;

    RejectedRequests(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        log.info("Request refused by the firewall: {}", rejected.getMessage());
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.BAD_REQUEST);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Bad request",
                "The request's path or headers are not acceptable");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
