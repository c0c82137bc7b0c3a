package org.netzerocities.learning.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.program.Programme.ModuleOutline;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a cohort's facilitators see: every learner with their progress and whether they are behind, the homework
 * waiting for review, and the cohort's figures overall and per city of the learners. Computed in one pass over
 * the cohort's enrolments, progress, threads and certificates, read with one query each.
 *
 * <p><b>Behind:</b> the cohort's dates are shared evenly among the modules, in programme order: module {@code k} of
 * {@code n} is due {@code ceil(k * days / n)} days after the start, {@code days} being the days from the first to
 * the last day, so the last module is due on the last day. Once a module's due day has passed it is expected
 * complete; a learner holding a place is behind when they completed fewer modules than are expected by today
 * (UTC), in whatever order they completed them.
 *
 * <p><b>Figures:</b> {@code enrolled} holds a place now, {@code waitlisted} waits for one, {@code withdrawn} left;
 * {@code active} of those enrolled did something (watched, handed in homework, asked) in the last
 * {@value #ACTIVE_DAYS} days; {@code modulesCompleted} counts every module completed in the cohort, by learners
 * who withdrew since too; {@code certified} counts valid (unrevoked) certificates.
 */
record CohortDashboard(String cohortId, String cohortName, LocalDate startsOn, LocalDate endsOn, Instant asOf,
        @Schema(description = "Modules expected complete by today from the cohort's dates") int expectedModules,
        Figures figures, List<CityFigures> cities, List<LearnerRow> learners, List<WaitingHomework> homeworkWaiting,
        long unansweredQuestions) {

    static final int ACTIVE_DAYS = 14;

    /** The cohort's data as read for it; each list once. */
    record Sources(CohortView cohort, List<ModuleOutline> modules, List<EnrollmentView> enrollments,
            List<Progress> progress, List<QuestionThread> threads, List<HeldCertificate> certificates,
            Map<String, Learner> learners) {
    }

    static CohortDashboard of(Sources sources, Instant now) {
        CohortView cohort = sources.cohort();
        int expected = expectedModules(cohort.startsOn(), cohort.endsOn(), sources.modules().size(),
                LocalDate.ofInstant(now, ZoneOffset.UTC));
        Instant activeSince = now.minus(Duration.ofDays(ACTIVE_DAYS));
        Map<String, Progress> progressById = byId(sources.progress(), Progress::enrollmentId);
        Map<String, QuestionThread> threadByMember = byId(sources.threads(), QuestionThread::memberId);
        Map<String, HeldCertificate> certificateById = byId(sources.certificates(), HeldCertificate::enrollmentId);

        List<LearnerRow> rows = new ArrayList<>();
        List<WaitingHomework> waiting = new ArrayList<>();
        Map<String, Figures> byCity = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Figures total = Figures.NONE;
        long unanswered = 0;
        for (EnrollmentView enrollment : sources.enrollments()) {
            Progress progress = progressById.getOrDefault(enrollment.enrollmentId(),
                    Progress.start(enrollment.enrollmentId(), enrollment.memberId(), enrollment.cohortId()));
            QuestionThread thread = threadByMember.get(enrollment.memberId());
            HeldCertificate certificate = certificateById.get(enrollment.enrollmentId());
            Learner learner = sources.learners().get(enrollment.memberId());
            String name = learner == null ? null : learner.displayName();
            String city = learner == null ? null : learner.city();

            Instant lastActivity = latest(progress.lastActivityAt(), thread == null ? null : thread.lastAskedAt());
            boolean placed = enrollment.holdsPlace();
            boolean active = placed && lastActivity != null && !lastActivity.isBefore(activeSince);
            boolean certified = certificate != null && certificate.valid();
            long completed = progress.modulesCompleted();
            long threadUnanswered = thread == null ? 0
                    : thread.questions().stream().filter(question -> !question.answered()).count();
            List<WaitingHomework> own = progress.units().stream()
                    .filter(unit -> unit.homeworkStatus() == HomeworkStatus.SUBMITTED)
                    .map(unit -> WaitingHomework.of(progress, unit, name)).toList();
            waiting.addAll(own);
            unanswered += threadUnanswered;
            rows.add(new LearnerRow(enrollment.enrollmentId(), enrollment.memberId(), name, city,
                    enrollment.status().name(), progress.overallPercent(sources.modules()), completed,
                    placed && completed < expected, lastActivity, active, own.size(), threadUnanswered, certified));

            Figures figures = Figures.of(enrollment.status(), active, completed, certified);
            total = total.plus(figures);
            byCity.merge(city, figures, Figures::plus);
        }
        rows.sort(Comparator.comparing((LearnerRow row) -> !row.behind())
                .thenComparing(LearnerRow::modulesCompleted)
                .thenComparing(LearnerRow::displayName, Comparator.nullsLast(Comparator.naturalOrder())));
        waiting.sort(Comparator.comparing(WaitingHomework::submittedAt));
        return new CohortDashboard(cohort.cohortId(), cohort.name(), cohort.startsOn(), cohort.endsOn(), now,
                expected, total,
                byCity.entrySet().stream().map(entry -> new CityFigures(entry.getKey(), entry.getValue())).toList(),
                rows, waiting, unanswered);
    }

    /** How many modules are expected complete by {@code today}: those whose due day has passed (see above). */
    static int expectedModules(LocalDate startsOn, LocalDate endsOn, int modules, LocalDate today) {
        if (startsOn == null || endsOn == null || modules == 0) {
            return 0;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(startsOn, endsOn));
        long elapsed = ChronoUnit.DAYS.between(startsOn, today);
        int expected = 0;
        for (int k = 1; k <= modules; k++) {
            long due = (k * days + modules - 1) / modules;
            if (elapsed > due) {
                expected++;
            }
        }
        return expected;
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> idOf) {
        return items.stream().collect(Collectors.toMap(idOf, item -> item, (a, b) -> a));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    /**
     * @param behind      holds a place and completed fewer modules than expected by now
     * @param homeworkWaiting submissions of theirs awaiting review
     */
    record LearnerRow(String enrollmentId, String memberId, String displayName, String city, String status,
            int percent, long modulesCompleted, boolean behind, Instant lastActivityAt, boolean active,
            long homeworkWaiting, long unansweredQuestions, boolean certified) {
    }

    /** A submission waiting for review, without its text (the review queue has it). */
    record WaitingHomework(String submissionId, String enrollmentId, String memberId, String displayName,
            String moduleId, String unitId, String unitTitle, int attempt, Instant submittedAt) {

        static WaitingHomework of(Progress progress, UnitProgress unit, String displayName) {
            Submission submission = unit.latest();
            return new WaitingHomework(submission.submissionId(), progress.enrollmentId(), progress.memberId(),
                    displayName, unit.moduleId(), unit.unitId(), submission.unitTitle(), submission.attempt(),
                    submission.submittedAt());
        }
    }

    record Figures(long enrolled, long waitlisted, long withdrawn, long active, long modulesCompleted,
            long certified) {

        static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0);

        static Figures of(EnrollmentStatus status, boolean active, long modulesCompleted, boolean certified) {
            return new Figures(status == EnrollmentStatus.ENROLLED ? 1 : 0,
                    status == EnrollmentStatus.WAITLISTED ? 1 : 0, status == EnrollmentStatus.WITHDRAWN ? 1 : 0,
                    active ? 1 : 0, modulesCompleted, certified ? 1 : 0);
        }

        Figures plus(Figures other) {
            return new Figures(enrolled + other.enrolled, waitlisted + other.waitlisted, withdrawn + other.withdrawn,
                    active + other.active, modulesCompleted + other.modulesCompleted, certified + other.certified);
        }
    }

    /** @param city the learners' city id, null for learners without one (or no longer known here) */
    record CityFigures(String city, Figures figures) {
    }
}
