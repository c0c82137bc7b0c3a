package org.netzerocities.support;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Renders every error as {@code application/problem+json}: Spring MVC's own exceptions, validation
 * failures with one entry per field, {@link ApiProblem}s, a lost optimistic-locking race (409), an
 * unreachable database (503 with {@code Retry-After}), and — without internals — anything unexpected.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** About the driver's server selection timeout: a retry sooner would most likely fail the same way. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new ApiProblem.FieldError(e.getField(), e.getDefaultMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        return problem(ApiProblem.invalid(errors), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new ApiProblem.FieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return problem(ApiProblem.invalid(errors), headers);
    }

    /**
     * A body beyond the JSON limits ({@link JsonLimitsProperties}) says which limit; a value of the wrong type names
     * its field, in the shape of validation failures; anything else unreadable stays Spring's generic 400.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof StreamConstraintsException limit) {
            log.info("JSON body refused: {}", limit.getOriginalMessage());
            return problem(new ApiProblem(HttpStatus.BAD_REQUEST, "json-limit", "Request body beyond the limits",
                    exceeded(limit.getOriginalMessage())), headers);
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = mismatch instanceof PropertyBindingException ? "is not a known field"
                    // text that names no value of the type (an unknown enum constant, a malformed date)
                    : mismatch instanceof InvalidFormatException invalid && invalid.getValue() instanceof String
                            ? "is not a valid value" : "has the wrong type";
            return problem(ApiProblem.invalid(jsonPath(mismatch), message), headers);
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    /** Jackson's message names the limit and the library's internals; the client is told only the first. */
    private static String exceeded(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("nesting depth")) {
            return "The JSON body is nested too deeply";
        }
        if (lower.contains("string value length") || lower.contains("name length")) {
            return "A string of the JSON body is too long";
        }
        return "The JSON body is too large";
    }

    private static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            }
            else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Let Spring Security's own handlers answer 401/403 with the same shape. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void rethrowSecurity(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentUpdate(OptimisticLockingFailureException ex) {
        return problem(ApiProblem.conflict("concurrent-update",
                "Someone else changed this at the same time; read it again and retry"), new HttpHeaders());
    }

    /**
     * The firewall checks a header's value only when a controller reads it (If-Match, Accept-Language): one with
     * control characters is the client's error like any bad input.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejectedRequest(RequestRejectedException ex) {
        return problem(new ApiProblem(HttpStatus.BAD_REQUEST, "rejected-request", "Bad request",
                "A header of the request is not acceptable"), new HttpHeaders());
    }

    /** The driver's own exceptions too: not every database call goes through Spring's exception translation. */
    @ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, MongoTimeoutException.class, MongoSocketException.class })
    ResponseEntity<Object> databaseUnavailable(Exception ex) {
        log.warn("Database unavailable: {}", ex.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
        return problem(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "The service cannot reach its database; retry shortly"), headers);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service failed to process the request");
        problem.setType(URI.create(ApiProblem.TYPE_BASE + "internal"));
        problem.setTitle("Internal error");
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static ResponseEntity<Object> problem(ApiProblem problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatusCode()).headers(headers).body(problem.getBody());
    }
}
