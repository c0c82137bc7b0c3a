package org.netzerocities.gateway.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors the gateway itself raises (no route, payload too large, bearer tokens it cannot verify for want
 * of signing keys, anything unexpected) as {@code application/problem+json}, like every service behind it.
 */
@Component
@Order(-2) // ahead of Boot's default handler
class ProblemDetailsErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private final JsonMapper json;

    ProblemDetailsErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        ProblemDetail problem = toProblem(ex);
        problem.setInstance(exchange.getRequest().getURI());
        return Problems.write(exchange.getResponse(), json, problem);
    }

    private static ProblemDetail toProblem(Throwable ex) {
        if (ex instanceof ErrorResponseException withProblem && !(ex instanceof ResponseStatusException)) {
            // the gateway's own refusals (a body too large) carry their problem
            return withProblem.getBody();
        }
        if (ex instanceof ResponseStatusException status) {
            String reason = status.getReason() != null ? status.getReason()
                    : HttpStatus.valueOf(status.getStatusCode().value()).getReasonPhrase();
            String type = status.getStatusCode().value() == 404 ? "not-found" : "http-" + status.getStatusCode().value();
            return Problems.of(status.getStatusCode(), type, reason, reason);
        }
        if (ex instanceof AuthenticationServiceException) {
            // Spring Security's "could not check the credentials": here, the issuer's signing keys are unavailable
            log.warn("Bearer token not verifiable: {}", NestedExceptionUtils.getMostSpecificCause(ex).toString());
            return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable",
                    "Authentication unavailable", "Bearer tokens cannot be verified right now; try again shortly");
        }
        log.error("Unexpected gateway error", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The gateway failed to process the request");
    }
}
