package org.netzerocities.gateway.routing;

import java.util.concurrent.TimeoutException;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * Where a route's circuit breaker forwards when its service is down, too slow, or its breaker is open:
 * the portal gets a clear problem instead of a hanging request or a connection error. Only that forward
 * reaches it: requested from outside, {@code /fallback/**} does not exist.
 */
@RestController
@Hidden
class FallbackController {

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null) {
            // the circuit breaker always attaches the failure it forwards; a request from outside has none
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ProblemDetail problem = timedOut(cause)
                ? Problems.of(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service too slow",
                        "The " + service + " service did not answer in time; try again shortly")
                : Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        "The " + service + " service is unavailable; try again shortly");
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5").body(problem);
    }

    /** The circuit breaker's time limit, or the route's response timeout (the same duration: RouteTimeouts). */
    private static boolean timedOut(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof ResponseStatusException status
                && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
    }
}
