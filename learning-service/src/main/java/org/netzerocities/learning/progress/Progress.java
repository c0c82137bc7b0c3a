package org.netzerocities.learning.progress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.HomeworkReviewed;
import org.netzerocities.events.contract.learning.HomeworkSubmitted;
import org.netzerocities.events.contract.learning.ModuleCompleted;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.events.contract.learning.UnitCompleted;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.program.Programme.ModuleOutline;
import org.netzerocities.learning.program.Programme.UnitOutline;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A learner's progress through the programme in one enrolment: masterclasses watched, homework submitted and
 * reviewed, units, modules and the programme completed. One document per enrolment ({@code _id} = enrolment id)
 * carrying its own events, saved under its version: of two concurrent changes (two instances, two facilitators)
 * one is saved and the other reads the document again, so each completion is decided, and announced, once.
 *
 * <p>The completion rules: a unit is complete when its masterclass was watched and its homework accepted, whichever
 * came last; a module when all its current units are complete; the programme when all its modules are. What is
 * complete stays complete: a unit keeps the version it was completed at when it is edited, a module stays complete
 * when a unit is added to it, and the percentage shown per module never goes down.
 */
@Document(Progress.COLLECTION)
class Progress implements OutboxAggregate {

    static final String COLLECTION = "progress";
    static final String MEMBER_ID = "memberId";
    static final String COHORT_ID = "cohortId";
    /** Submissions a unit takes at most: a learner whose homework came back that often should talk to a facilitator. */
    static final int MAX_ATTEMPTS = 10;

    @Id
    private final String enrollmentId;
    @Indexed
    private final String memberId;
    @Indexed
    private final String cohortId;
    private final List<UnitProgress> units;
    private final List<ModuleProgress> modules;
    private Instant programCompletedAt;
    private Instant lastActivityAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Progress(String enrollmentId, String memberId, String cohortId, List<UnitProgress> units,
            List<ModuleProgress> modules, Instant programCompletedAt, Instant lastActivityAt, Long version,
            List<PendingEvent> outbox) {
        this.enrollmentId = enrollmentId;
        this.memberId = memberId;
        this.cohortId = cohortId;
        this.units = units == null ? new ArrayList<>() : new ArrayList<>(units);
        this.modules = modules == null ? new ArrayList<>() : new ArrayList<>(modules);
        this.programCompletedAt = programCompletedAt;
        this.lastActivityAt = lastActivityAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** The progress of an enrolment before the learner did anything. */
    static Progress start(String enrollmentId, String memberId, String cohortId) {
        return new Progress(enrollmentId, memberId, cohortId, List.of(), List.of(), null, null, null, List.of());
    }

    /**
     * Marks the unit's masterclass watched.
     *
     * @return whether anything changed: marking it again changes nothing
     */
    boolean markWatched(UnitOutline unit, Course course, Instant now, EventFactory events) {
        if (unit(unit.unitId()).map(UnitProgress::watched).orElse(false)) {
            return false;
        }
        update(unit, progress -> progress.watched(now));
        lastActivityAt = now;
        settle(course, now, events);
        return true;
    }

    /**
     * Submits the unit's homework for review, announced to the module's facilitators.
     *
     * @throws ApiProblem 409 while a submission awaits review, once the homework was accepted, or after
     *                    {@value #MAX_ATTEMPTS} submissions
     */
    Submission submit(String submissionId, UnitOutline unit, String text, String link, Course course, Instant now,
            EventFactory events) {
        UnitProgress current = unit(unit.unitId()).orElse(UnitProgress.start(unit.unitId(), unit.moduleId()));
        switch (current.homeworkStatus()) {
            case SUBMITTED -> throw ApiProblem.conflict("homework-awaiting-review",
                    "Your homework for this unit awaits review; you can resubmit once it is returned");
            case ACCEPTED -> throw ApiProblem.conflict("homework-accepted",
                    "Your homework for this unit was accepted already");
            default -> {
                // NONE or RETURNED: a (re)submission is what is expected
            }
        }
        if (current.submissions().size() >= MAX_ATTEMPTS) {
            throw ApiProblem.conflict("too-many-attempts", "This unit's homework was submitted " + MAX_ATTEMPTS
                    + " times already; ask your facilitator");
        }
        Submission submission = Submission.submitted(submissionId, current.submissions().size() + 1, unit.title(),
                text, link, now);
        update(unit, progress -> progress.withSubmission(submission));
        lastActivityAt = now;
        outbox.add(events.create(EventCatalog.HOMEWORK_SUBMITTED, enrollmentId,
                new HomeworkSubmitted(submissionId, enrollmentId, memberId, cohortId, unit.moduleId(), unit.unitId(),
                        unit.title(), course.cohort().facilitatorsOf(unit.moduleId()), now)));
        return submission;
    }

    /**
     * Records a facilitator's review of a submission; an acceptance may complete the unit, its module and the
     * programme.
     *
     * @throws ApiProblem 404 when the enrolment has no such submission, 409 when it was reviewed already
     */
    Submission review(String submissionId, Decision decision, String feedback, String reviewerId, Course course,
            Instant now, EventFactory events) {
        UnitProgress unit = units.stream()
                .filter(progress -> progress.submissions().stream()
                        .anyMatch(submission -> submission.submissionId().equals(submissionId)))
                .findFirst().orElseThrow(() -> ApiProblem.notFound("Homework submission " + submissionId));
        Submission submission = unit.submissions().stream()
                .filter(candidate -> candidate.submissionId().equals(submissionId)).findFirst().orElseThrow();
        if (!submission.awaitsReview()) {
            throw ApiProblem.conflict("already-reviewed", "This submission was " + submission.status() + " already");
        }
        Submission reviewed = submission.reviewed(decision, feedback, reviewerId, now);
        replace(unit.withSubmission(reviewed));
        outbox.add(events.create(EventCatalog.HOMEWORK_REVIEWED, enrollmentId,
                new HomeworkReviewed(submissionId, enrollmentId, memberId, cohortId, unit.unitId(),
                        submission.unitTitle(), decision.name(), feedback, reviewerId, now)));
        settle(course, now, events);
        return reviewed;
    }

    /**
     * Completes what the learner's progress completes now, in the programme as it is: units, then their modules,
     * then the programme, each announced once. Units or modules complete already are left as they are.
     */
    private void settle(Course course, Instant now, EventFactory events) {
        for (ModuleOutline module : course.modules()) {
            for (UnitOutline unit : module.units()) {
                Optional<UnitProgress> progress = unit(unit.unitId());
                if (progress.isPresent() && progress.get().completable()) {
                    replace(progress.get().completed(now, unit.version()));
                    outbox.add(events.create(EventCatalog.UNIT_COMPLETED, enrollmentId, new UnitCompleted(
                            enrollmentId, memberId, cohortId, module.moduleId(), unit.unitId(), unit.version(), now)));
                }
            }
            ModuleProgress standing = moduleProgress(module.moduleId());
            if (!standing.completed() && !module.units().isEmpty()
                    && module.units().stream().allMatch(unit -> unitCompleted(unit.unitId()))) {
                standing = standing.completed(now);
                outbox.add(events.create(EventCatalog.MODULE_COMPLETED, enrollmentId,
                        new ModuleCompleted(enrollmentId, memberId, cohortId, module.moduleId(), module.title(),
                                course.cohort().facilitatorsOf(module.moduleId()), now)));
            }
            putModule(standing.reaching(unitsPercent(module)));
        }
        if (programCompletedAt == null && !course.modules().isEmpty()
                && course.modules().stream().allMatch(module -> moduleCompleted(module.moduleId()))) {
            programCompletedAt = now;
            outbox.add(events.create(EventCatalog.PROGRAM_COMPLETED, enrollmentId,
                    new ProgramCompleted(enrollmentId, memberId, cohortId, course.cohort().name(), now)));
        }
    }

    /** The module's percentage as shown: 100 once complete, else never below the highest reached before. */
    int percent(ModuleOutline module) {
        ModuleProgress standing = moduleProgress(module.moduleId());
        return standing.completed() ? 100 : Math.max(standing.percent(), unitsPercent(module));
    }

    /** The mean of the modules' percentages as shown. */
    int overallPercent(List<ModuleOutline> programme) {
        return programme.isEmpty() ? 0 : programme.stream().mapToInt(this::percent).sum() / programme.size();
    }

    /** The share of the module's current units complete, rounded down so that 100 means all. */
    private int unitsPercent(ModuleOutline module) {
        if (module.units().isEmpty()) {
            return 0;
        }
        long complete = module.units().stream().filter(unit -> unitCompleted(unit.unitId())).count();
        return (int) (complete * 100 / module.units().size());
    }

    Optional<UnitProgress> unit(String unitId) {
        return units.stream().filter(unit -> unit.unitId().equals(unitId)).findFirst();
    }

    boolean unitCompleted(String unitId) {
        return unit(unitId).map(UnitProgress::completed).orElse(false);
    }

    boolean moduleCompleted(String moduleId) {
        return moduleProgress(moduleId).completed();
    }

    ModuleProgress moduleProgress(String moduleId) {
        return modules.stream().filter(module -> module.moduleId().equals(moduleId)).findFirst()
                .orElse(ModuleProgress.start(moduleId));
    }

    /** How many modules are complete. */
    long modulesCompleted() {
        return modules.stream().filter(ModuleProgress::completed).count();
    }

    /** Every submission of the enrolment, unit by unit, oldest first within a unit. */
    List<Submission> submissions() {
        return units.stream().flatMap(unit -> unit.submissions().stream()).toList();
    }

    private void update(UnitOutline unit, UnaryOperator<UnitProgress> change) {
        replace(change.apply(unit(unit.unitId()).orElse(UnitProgress.start(unit.unitId(), unit.moduleId()))));
    }

    private void replace(UnitProgress changed) {
        put(units, changed, UnitProgress::unitId);
    }

    private void putModule(ModuleProgress changed) {
        put(modules, changed, ModuleProgress::moduleId);
    }

    /** Puts {@code changed} in place of the entry with its id, or last: the stored order stays stable. */
    private static <T> void put(List<T> entries, T changed, Function<T, String> idOf) {
        for (int i = 0; i < entries.size(); i++) {
            if (idOf.apply(entries.get(i)).equals(idOf.apply(changed))) {
                entries.set(i, changed);
                return;
            }
        }
        entries.add(changed);
    }

    String enrollmentId() {
        return enrollmentId;
    }

    String memberId() {
        return memberId;
    }

    String cohortId() {
        return cohortId;
    }

    List<UnitProgress> units() {
        return List.copyOf(units);
    }

    Instant programCompletedAt() {
        return programCompletedAt;
    }

    Instant lastActivityAt() {
        return lastActivityAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** The cohort an enrolment belongs to and the programme as it is now: what the completion rules read. */
    record Course(CohortView cohort, List<ModuleOutline> modules) {
    }
}
