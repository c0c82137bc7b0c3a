package org.netzerocities.gateway.limits;

import org.netzerocities.gateway.errors.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request body beyond {@code nzc.gateway.max-body-size}: 413. The circuit breakers ignore it (a client's fault
 * says nothing of the service's health) and their fallback passes it on (resilience4j...ignore-exceptions).
 */
public class RequestBodyTooLarge extends ErrorResponseException {

    RequestBodyTooLarge(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "request-too-large",
                "Request body too large", "The request body exceeds " + maxBytes + " bytes"), null);
    }
}
