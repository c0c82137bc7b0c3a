package org.netzerocities.learning.cohort;

import java.time.Instant;
import java.util.Objects;

/**
 * One of a cohort's four group discussion sessions, online.
 *
 * @param moduleId the module the session closes, or null when the facilitators scheduled it apart from a module
 */
public record DiscussionSession(String sessionId, String moduleId, Instant startsAt, int durationMinutes, String link) {

    /** The same session (same id) at another time, length, link or module. */
    DiscussionSession rescheduled(SessionPlan plan) {
        return new DiscussionSession(sessionId, plan.moduleId(), plan.startsAt(), plan.durationMinutes(), plan.link());
    }

    /** Whether learners would see a difference. */
    boolean sameAs(SessionPlan plan) {
        return Objects.equals(moduleId, plan.moduleId()) && startsAt.equals(plan.startsAt())
                && durationMinutes == plan.durationMinutes() && link.equals(plan.link());
    }

    /** A session as the facilitators plan it, before it has an id. */
    record SessionPlan(String moduleId, Instant startsAt, int durationMinutes, String link) {
    }
}
