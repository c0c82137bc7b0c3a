package org.netzerocities.support;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the service refuses, rendered as RFC 9457 problem details. The {@code type} URI names the
 * kind of problem so clients can branch on it without parsing text.
 */
public class ApiProblem extends ErrorResponseException {

    public static final String TYPE_BASE = "https://netzerocities.eu/problems/";

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist");
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** A 400 naming the fields at fault, in the same shape as bean-validation failures. */
    public static ApiProblem invalid(List<FieldError> errors) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid");
        problem.getBody().setProperty("errors", errors);
        return problem;
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public record FieldError(String field, String message) {
    }
}
