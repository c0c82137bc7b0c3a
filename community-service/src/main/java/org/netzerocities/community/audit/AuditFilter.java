package org.netzerocities.community.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.community.support.QueryText;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * What an admin reads of the audit log; every part optional.
 *
 * @param from from this instant on (inclusive)
 * @param to   before this instant (exclusive)
 */
record AuditFilter(AuditAction action, String actor, String subject, Instant from, Instant to) {

    /** Ids and subjects are far shorter; anything longer matches nothing and is refused as a mistake. */
    static final int MAX_ID = 100;

    /**
     * Reads the query parameters.
     *
     * @throws ApiProblem 400 naming each parameter at fault: an id too long or with control characters, a time that
     *                    is not ISO-8601 with an offset, {@code from} after {@code to}
     */
    static AuditFilter parse(AuditAction action, String actor, String subject, String from, String to) {
        var errors = new ArrayList<ApiProblem.FieldError>();
        String actorId = QueryText.optional("actor", actor, MAX_ID, errors);
        String subjectId = QueryText.optional("subject", subject, MAX_ID, errors);
        Instant fromTime = time("from", from, errors);
        Instant toTime = time("to", to, errors);
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            errors.add(new ApiProblem.FieldError("from", "must not be after to"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new AuditFilter(action, actorId, subjectId, fromTime, toTime);
    }

    /** Values go into the query as literals only: a {@code {"$ne": ...}} sent as an id is an id that matches nothing. */
    Criteria criteria() {
        List<Criteria> all = new ArrayList<>();
        if (action != null) {
            all.add(Criteria.where("action").is(action.name()));
        }
        if (actor != null) {
            all.add(Criteria.where("actor").is(actor));
        }
        if (subject != null) {
            all.add(Criteria.where("subject").is(subject));
        }
        if (from != null || to != null) {
            Criteria at = Criteria.where(AuditEntry.AT);
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            all.add(at);
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    private static Instant time(String field, String value, List<ApiProblem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        }
        catch (DateTimeParseException ex) {
            errors.add(new ApiProblem.FieldError(field, "must be an ISO-8601 time with an offset"));
            return null;
        }
    }
}
