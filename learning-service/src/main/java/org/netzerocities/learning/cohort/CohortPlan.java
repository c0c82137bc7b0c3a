package org.netzerocities.learning.cohort;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.netzerocities.learning.cohort.DiscussionSession.SessionPlan;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.ApiProblem.FieldError;

/**
 * What the facilitators decide about a cohort: its name, language, dates, capacity, facilitators and the four
 * discussion sessions. {@link #check} holds the rules every plan must satisfy, whether new or changed.
 */
record CohortPlan(String name, String language, LocalDate startsOn, LocalDate endsOn, int capacity,
        String leadFacilitatorId, Map<String, String> moduleFacilitatorIds, List<SessionPlan> sessions) {

    static final int SESSIONS = 4;
    static final int MAX_CAPACITY = 500;
    /** Five modules need some time: a cohort runs at least a week... */
    static final int MIN_DAYS = 7;
    /** ...and at most two years, starting within two years. */
    static final int MAX_DAYS = 730;
    /** When a default session starts (UTC): late afternoon across Europe's time zones. */
    static final LocalTime DEFAULT_SESSION_TIME = LocalTime.of(15, 0);
    static final int DEFAULT_SESSION_MINUTES = 90;
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    CohortPlan {
        moduleFacilitatorIds = Collections.unmodifiableMap(new LinkedHashMap<>(moduleFacilitatorIds));
        sessions = List.copyOf(sessions);
    }

    /**
     * The default schedule: the programme's time split evenly over its modules, a session on the last day of each
     * module but the last, at {@link #DEFAULT_SESSION_TIME} UTC for {@link #DEFAULT_SESSION_MINUTES} minutes.
     */
    static List<SessionPlan> defaultSessions(LocalDate startsOn, LocalDate endsOn, String link, List<String> modules) {
        long span = ChronoUnit.DAYS.between(startsOn, endsOn);
        return IntStream.range(0, SESSIONS).mapToObj(i -> new SessionPlan(modules.get(i),
                startsOn.plusDays(Math.round((i + 1) * span / (double) modules.size()))
                        .atTime(DEFAULT_SESSION_TIME).toInstant(ZoneOffset.UTC),
                DEFAULT_SESSION_MINUTES, link)).toList();
    }

    /**
     * @param today   the day (UTC) the plan is made: a cohort must start later
     * @param modules the programme's module ids
     * @throws ApiProblem 400 naming every field at fault
     */
    void check(LocalDate today, List<String> modules) {
        List<FieldError> errors = new ArrayList<>();
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", "must be an ISO 639-1 language code such as en"));
        }
        if (!startsOn.isAfter(today)) {
            errors.add(new FieldError("startsOn", "must be after today"));
        }
        else if (startsOn.isAfter(today.plusDays(MAX_DAYS))) {
            errors.add(new FieldError("startsOn", "must be within " + MAX_DAYS + " days"));
        }
        long days = ChronoUnit.DAYS.between(startsOn, endsOn);
        if (days < MIN_DAYS || days > MAX_DAYS) {
            errors.add(new FieldError("endsOn", "must be " + MIN_DAYS + " to " + MAX_DAYS + " days after startsOn"));
        }
        moduleFacilitatorIds.keySet().stream().filter(module -> !modules.contains(module)).sorted()
                .forEach(module -> errors.add(new FieldError("moduleFacilitatorIds",
                        "names no module of the programme: " + module)));
        for (int i = 0; i < sessions.size(); i++) {
            SessionPlan session = sessions.get(i);
            if (session.moduleId() != null && !modules.contains(session.moduleId())) {
                errors.add(new FieldError("sessions[" + i + "].moduleId", "must be a module of the programme"));
            }
            LocalDate day = LocalDate.ofInstant(session.startsAt(), ZoneOffset.UTC);
            if (day.isBefore(startsOn) || day.isAfter(endsOn)) {
                errors.add(new FieldError("sessions[" + i + "].startsAt", "must fall within the cohort's dates"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    /** This plan with the sessions of {@code other}: whether the cohort itself changed, sessions apart. */
    CohortPlan withSessionsOf(CohortPlan other) {
        return new CohortPlan(name, language, startsOn, endsOn, capacity, leadFacilitatorId, moduleFacilitatorIds,
                other.sessions());
    }

    /**
     * The plan with its module facilitators in programme order, so that every list of a cohort's facilitators
     * reads the same.
     */
    CohortPlan inOrderOf(List<String> modules) {
        Map<String, String> ordered = new LinkedHashMap<>();
        modules.stream().filter(moduleFacilitatorIds::containsKey)
                .forEach(module -> ordered.put(module, moduleFacilitatorIds.get(module)));
        moduleFacilitatorIds.forEach(ordered::putIfAbsent);
        return new CohortPlan(name, language, startsOn, endsOn, capacity, leadFacilitatorId, ordered, sessions);
    }
}
