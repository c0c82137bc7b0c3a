package org.netzerocities.gateway.limits;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request body beyond {@code nzc.gateway.max-body-size}: 413. Raised while the body streams to the service, it
 * cancels the exchange and the circuit breaker records nothing: a client's fault says nothing of the service's health.
 */
public class RequestBodyTooLarge extends ErrorResponseException {

    RequestBodyTooLarge(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "Request body too large", "The request body exceeds " + maxBytes + " bytes"), null);
    }
}
