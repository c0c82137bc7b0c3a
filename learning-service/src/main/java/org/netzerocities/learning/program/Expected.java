package org.netzerocities.learning.program;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.netzerocities.support.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * The version an edit was made from, as the editor states it: an {@code If-Match} entity tag (a mismatch is 412)
 * or the body's {@code expectedVersion} (a mismatch is 409). The header wins when both are sent.
 */
record Expected(int version, boolean fromHeader) {

    private static final Pattern ETAG = Pattern.compile("(?:W/)?\"([1-9][0-9]{0,8})\"");

    /** The entity tag of a version, as GET routes send it in {@code ETag}. */
    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The stated version, or null when the editor stated none. */
    static Expected of(String ifMatch, Integer expectedVersion) {
        if (ifMatch != null) {
            Matcher etag = ETAG.matcher(ifMatch.strip());
            if (!etag.matches()) {
                throw ApiProblem.invalid("If-Match", "must be one entity tag such as \"3\", as sent in ETag");
            }
            return new Expected(Integer.parseInt(etag.group(1)), true);
        }
        if (expectedVersion != null) {
            if (expectedVersion < 1) {
                throw ApiProblem.invalid("expectedVersion", "must be a version, from 1");
            }
            return new Expected(expectedVersion, false);
        }
        return null;
    }

    /** The answer when the stated version is not {@code current} (0: there is nothing at any version). */
    ApiProblem mismatch(String what, int current) {
        String detail = current == 0 ? what + " does not exist yet; send no version to create it"
                : what + " is at version " + current + ", not " + version + "; read it again and redo the edit";
        ApiProblem problem = problem(detail);
        problem.getBody().setProperties(Map.of("currentVersion", current));
        return problem;
    }

    private ApiProblem problem(String detail) {
        return fromHeader
                ? new ApiProblem(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "Precondition failed", detail)
                : ApiProblem.conflict("version-mismatch", detail);
    }

    /** The answer when another edit of the stated version won the race. */
    ApiProblem changedMeanwhile(String what) {
        return problem(what + " changed meanwhile; read it again and redo the edit");
    }

    /** The answer when a new translation lost the race to another one in the same language. */
    static ApiProblem createdMeanwhile(String what) {
        return ApiProblem.conflict("version-mismatch", what + " was created meanwhile; read it and redo the edit");
    }

    /** An edit of something that exists must say which version it was made from. */
    static ApiProblem required(String what) {
        return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Precondition required",
                "Send the version of " + what + " you edited, as If-Match or expectedVersion");
    }
}
