package org.netzerocities.learning.program;

import org.netzerocities.support.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The firewall checks a header's value only when it is read: a header the programme's routes read (If-Match,
 * Accept-Language) with control characters is refused there, and is the client's error like any bad input.
 */
@RestControllerAdvice(assignableTypes = ProgrammeController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectedHeaders {

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException ex) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "rejected-request", "Bad request",
                "A header of the request is not acceptable").getBody();
    }
}
