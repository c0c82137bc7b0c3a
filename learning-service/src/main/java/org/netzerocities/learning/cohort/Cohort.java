package org.netzerocities.learning.cohort;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.learning.DiscussionSessionScheduled;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerWithdrawn;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.learning.cohort.Cohorts.CohortView;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentStatus;
import org.netzerocities.learning.cohort.Cohorts.EnrollmentView;
import org.netzerocities.learning.cohort.DiscussionSession.SessionPlan;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cycle of the programme: its facilitators, dates, capacity and discussion sessions, and its enrolments in the
 * order members enrolled (the waitlist's order). Every event of a cohort leaves from this document's outbox, so
 * consumers read CohortStarted before any LearnerEnrolled of it. {@link #freePlaces} and {@link #waitlisted} are
 * kept next to the enrolments so that enrolling is one conditional update ({@code freePlaces > 0} takes a place):
 * two members racing for the last place on two instances cannot both get it. Changes that read the whole cohort
 * (withdrawals with promotion, edits, publication) save it under its {@link #version}, which every write raises.
 * <p>
 * Rights over a cohort belong to its facilitators, kept here, and to admins. Its facilitators, dates, capacity and
 * sessions may change until the day it starts.
 */
@Document(Cohort.COLLECTION)
@CompoundIndex(name = "status_starts", def = "{'status': 1, 'startsOn': 1}")
@CompoundIndex(name = "facilitator_starts", def = "{'facilitatorIds': 1, 'startsOn': 1}")
class Cohort implements OutboxAggregate {

    static final String COLLECTION = "cohorts";
    static final String STATUS = "status";
    static final String STARTS_ON = "startsOn";
    static final String FACILITATOR_IDS = "facilitatorIds";
    static final String ENROLLMENTS = "enrollments";
    static final String FREE_PLACES = "freePlaces";
    static final String WAITLISTED = "waitlisted";
    static final String VERSION = "version";
    /** How many may wait for a place: beyond that a place is too unlikely to be worth the wait. */
    static final int MAX_WAITLIST = 1000;

    @Id
    private final String id;
    private String name;
    private String language;
    private String leadFacilitatorId;
    /** moduleId -> memberId, in programme order. */
    private Map<String, String> moduleFacilitatorIds;
    /** The lead and the module facilitators, each once: what a facilitator's own cohorts are found by. */
    private List<String> facilitatorIds;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private int capacity;
    private List<DiscussionSession> sessions;
    private CohortStatus status;
    private List<Enrollment> enrollments;
    private int freePlaces;
    private int waitlisted;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant publishedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Cohort(String id, String name, String language, String leadFacilitatorId, Map<String, String> moduleFacilitatorIds,
            List<String> facilitatorIds, LocalDate startsOn, LocalDate endsOn, int capacity,
            List<DiscussionSession> sessions, CohortStatus status, List<Enrollment> enrollments, int freePlaces,
            int waitlisted, Instant createdAt, Instant updatedAt, Instant publishedAt, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.name = name;
        this.language = language;
        this.leadFacilitatorId = leadFacilitatorId;
        this.moduleFacilitatorIds = moduleFacilitatorIds == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(moduleFacilitatorIds);
        this.facilitatorIds = facilitatorIds == null ? List.of() : List.copyOf(facilitatorIds);
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.capacity = capacity;
        this.sessions = sessions == null ? List.of() : List.copyOf(sessions);
        this.status = status;
        // lists read without their enrolments (a page of cohorts) come as null
        this.enrollments = enrollments == null ? new ArrayList<>() : new ArrayList<>(enrollments);
        this.freePlaces = freePlaces;
        this.waitlisted = waitlisted;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.publishedAt = publishedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new draft, seen by its facilitators and admins only; nothing is announced until it is published. */
    static Cohort draft(String id, CohortPlan plan, Instant now) {
        Cohort cohort = new Cohort(id, null, null, null, Map.of(), List.of(), null, null, 0, List.of(),
                CohortStatus.DRAFT, List.of(), plan.capacity(), 0, now, now, null, null, List.of());
        cohort.apply(plan);
        cohort.sessions = plan.sessions().stream().map(session -> new DiscussionSession(UUID.randomUUID().toString(),
                session.moduleId(), session.startsAt(), session.durationMinutes(), session.link())).toList();
        return cohort;
    }

    /** The plan as it stands, to be changed by the facilitators. */
    CohortPlan plan() {
        return new CohortPlan(name, language, startsOn, endsOn, capacity, leadFacilitatorId, moduleFacilitatorIds,
                sessions.stream().map(s -> new SessionPlan(s.moduleId(), s.startsAt(), s.durationMinutes(), s.link()))
                        .toList());
    }

    /**
     * Opens the cohort for enrolment: CohortStarted (the community space creates its peer group) and one
     * DiscussionSessionScheduled per session.
     *
     * @throws ApiProblem 409 when published already or started
     */
    void publish(LocalDate today, Instant now, EventFactory events) {
        if (status == CohortStatus.PUBLISHED) {
            throw ApiProblem.conflict("published-already", "This cohort was published already");
        }
        requireNotStarted(today);
        status = CohortStatus.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
        outbox.add(events.create(EventCatalog.COHORT_STARTED, id, new CohortStarted(id, name, language,
                facilitatorIds, startsOn, endsOn, capacity)));
        sessions.forEach(session -> announce(session, "SCHEDULED", events));
    }

    /**
     * Changes the plan before the cohort starts. Once published, learners are told: CohortUpdated when the cohort
     * itself changed, DiscussionSessionScheduled (RESCHEDULED) for each session that moved. Places a larger capacity
     * adds go to the waitlist, first come first served; a capacity below the places taken is refused rather than
     * taking places back.
     *
     * @return whether anything changed
     * @throws ApiProblem 409 once started, or for a capacity below the places taken
     */
    boolean update(CohortPlan plan, LocalDate today, Instant now, EventFactory events) {
        requireNotStarted(today);
        CohortPlan current = plan();
        if (plan.equals(current)) {
            return false;
        }
        int taken = placesTaken();
        if (plan.capacity() < taken) {
            throw ApiProblem.conflict("capacity-below-places", taken + " learners hold a place: the capacity cannot "
                    + "be lower");
        }
        boolean cohortChanged = !plan.withSessionsOf(current).equals(current);
        List<DiscussionSession> moved = new ArrayList<>();
        List<DiscussionSession> rescheduled = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            DiscussionSession session = sessions.get(i);
            SessionPlan wanted = plan.sessions().get(i);
            rescheduled.add(session.rescheduled(wanted));
            if (!session.sameAs(wanted)) {
                moved.add(rescheduled.get(i));
            }
        }
        apply(plan);
        sessions = List.copyOf(rescheduled);
        freePlaces = capacity - taken;
        updatedAt = now;
        if (status == CohortStatus.PUBLISHED) {
            promote(now, events);
            if (cohortChanged) {
                announceUpdate(events);
            }
            moved.forEach(session -> announce(session, "RESCHEDULED", events));
        }
        return true;
    }

    /**
     * Enrols the member: a place while there is one, else a place at the end of the waitlist; announced with
     * LearnerEnrolled. The caller persists it with an update conditional on the places it read, so that it holds
     * only if no one took the last place meanwhile.
     *
     * @throws ApiProblem 409 when the cohort is a draft or over, or its waitlist is full
     */
    Enrollment enrol(String enrollmentId, String memberId, LocalDate today, Instant now, EventFactory events) {
        requireOpen(today);
        Enrollment enrollment;
        if (freePlaces > 0) {
            enrollment = Enrollment.withPlace(enrollmentId, memberId, now);
            freePlaces--;
        }
        else if (waitlisted < MAX_WAITLIST) {
            enrollment = Enrollment.waitlisted(enrollmentId, memberId, now);
            waitlisted++;
        }
        else {
            throw ApiProblem.conflict("waitlist-full", "This cohort is full and so is its waitlist");
        }
        enrollments.add(enrollment);
        announceEnrolment(enrollment, enrollment.status().name(), events);
        return enrollment;
    }

    /**
     * The learner gives up their enrolment (LearnerWithdrawn); a place they leave goes to the first on the waitlist
     * (LearnerEnrolled, PROMOTED).
     *
     * @return whether the enrolment was active
     * @throws ApiProblem 409 once the cohort is over
     */
    boolean withdraw(String enrollmentId, LocalDate today, Instant now, EventFactory events) {
        Enrollment enrollment = enrollment(enrollmentId)
                .orElseThrow(() -> new IllegalArgumentException("No enrolment " + enrollmentId + " in " + id));
        if (!enrollment.isActive()) {
            return false;
        }
        if (today.isAfter(endsOn)) {
            throw ApiProblem.conflict("cohort-ended", "This cohort is over");
        }
        enrollments.set(enrollments.indexOf(enrollment), enrollment.withdrawn(now));
        release(enrollment);
        outbox.add(events.create(EventCatalog.LEARNER_WITHDRAWN, id,
                new LearnerWithdrawn(id, enrollmentId, enrollment.memberId())));
        promote(now, events);
        return true;
    }

    /**
     * Forgets an erased member: their enrolments go (withdrawn first, so their place goes to the waitlist, while the
     * cohort is not over; an ended cohort only stops counting them). Until the cohort starts they no longer facilitate it: a module they facilitated falls to
     * the lead, and when they led it, the first module facilitator leads instead. A cohort that has started keeps
     * its facilitators as they ran it.
     *
     * @return whether anything changed
     */
    boolean forget(String memberId, LocalDate today, Instant now, EventFactory events) {
        boolean changed = false;
        for (Enrollment enrollment : List.copyOf(enrollments)) {
            if (enrollment.memberId().equals(memberId)) {
                if (enrollment.isActive() && !today.isAfter(endsOn)) {
                    withdraw(enrollment.enrollmentId(), today, now, events);
                }
                else if (enrollment.isActive()) {
                    release(enrollment);
                }
                enrollments.removeIf(e -> e.enrollmentId().equals(enrollment.enrollmentId()));
                changed = true;
            }
        }
        if (facilitatorIds.contains(memberId) && !started(today)) {
            moduleFacilitatorIds.values().removeIf(memberId::equals);
            if (memberId.equals(leadFacilitatorId) && !moduleFacilitatorIds.isEmpty()) {
                leadFacilitatorId = moduleFacilitatorIds.values().iterator().next();
            }
            List<String> before = facilitatorIds;
            facilitatorIds = view().facilitatorIds();
            if (!before.equals(facilitatorIds)) {
                updatedAt = now;
                if (status == CohortStatus.PUBLISHED) {
                    announceUpdate(events);
                }
                changed = true;
            }
        }
        return changed;
    }

    /** A draft only the member facilitates: nobody else could ever publish or use it. */
    boolean isDraftOnlyOf(String memberId) {
        return status == CohortStatus.DRAFT && facilitatorIds.equals(List.of(memberId));
    }

    /** Its facilitators and admins may change it. */
    boolean mayManage(Caller caller) {
        return caller.isAdmin() || facilitatorIds.contains(caller.memberId());
    }

    /** Members see published cohorts; drafts only its facilitators and admins. */
    boolean isVisibleTo(Caller caller) {
        return status == CohortStatus.PUBLISHED || mayManage(caller);
    }

    Optional<Enrollment> enrollment(String enrollmentId) {
        return enrollments.stream().filter(e -> e.enrollmentId().equals(enrollmentId)).findFirst();
    }

    /** 1 for the first on the waitlist; empty for an enrolment not waiting. */
    Optional<Integer> waitlistPosition(String enrollmentId) {
        int position = 0;
        for (Enrollment enrollment : enrollments) {
            if (enrollment.status() == EnrollmentStatus.WAITLISTED) {
                position++;
                if (enrollment.enrollmentId().equals(enrollmentId)) {
                    return Optional.of(position);
                }
            }
        }
        return Optional.empty();
    }

    /** The latest event added to the outbox: what a conditional update stores with its change. */
    PendingEvent lastEvent() {
        return outbox.get(outbox.size() - 1);
    }

    CohortView view() {
        return new CohortView(id, name, language, leadFacilitatorId,
                Collections.unmodifiableMap(new LinkedHashMap<>(moduleFacilitatorIds)), startsOn,
                endsOn, capacity, status);
    }

    EnrollmentView view(Enrollment enrollment) {
        return new EnrollmentView(enrollment.enrollmentId(), id, enrollment.memberId(), enrollment.status(),
                enrollment.enrolledAt(), enrollment.withdrawnAt());
    }

    List<EnrollmentView> enrollmentViews() {
        return enrollments.stream().map(this::view).toList();
    }

    /** Members holding a place, in the order they got in. */
    List<String> learnerIds() {
        return enrollments.stream().filter(Enrollment::holdsPlace).map(Enrollment::memberId).toList();
    }

    int placesTaken() {
        return capacity - freePlaces;
    }

    boolean started(LocalDate today) {
        return !today.isBefore(startsOn);
    }

    String id() {
        return id;
    }

    String name() {
        return name;
    }

    List<DiscussionSession> sessions() {
        return sessions;
    }

    int freePlaces() {
        return freePlaces;
    }

    int waitlisted() {
        return waitlisted;
    }

    Instant publishedAt() {
        return publishedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** Counts the place or the waitlist slot the enrolment held as free. */
    private void release(Enrollment enrollment) {
        if (enrollment.holdsPlace()) {
            freePlaces++;
        }
        else {
            waitlisted--;
        }
    }

    /** Moves waitlisted learners to free places, first enrolled first. */
    private void promote(Instant now, EventFactory events) {
        for (int i = 0; i < enrollments.size() && freePlaces > 0; i++) {
            Enrollment enrollment = enrollments.get(i);
            if (enrollment.status() == EnrollmentStatus.WAITLISTED) {
                enrollments.set(i, enrollment.promoted(now));
                freePlaces--;
                waitlisted--;
                announceEnrolment(enrollment, "PROMOTED", events);
            }
        }
    }

    private void apply(CohortPlan plan) {
        name = plan.name();
        language = plan.language();
        startsOn = plan.startsOn();
        endsOn = plan.endsOn();
        capacity = plan.capacity();
        leadFacilitatorId = plan.leadFacilitatorId();
        moduleFacilitatorIds = new LinkedHashMap<>(plan.moduleFacilitatorIds());
        facilitatorIds = view().facilitatorIds();
    }

    private void announce(DiscussionSession session, String change, EventFactory events) {
        outbox.add(events.create(EventCatalog.DISCUSSION_SESSION_SCHEDULED, id, new DiscussionSessionScheduled(id,
                name, session.sessionId(), session.moduleId(), session.startsAt(), session.durationMinutes(),
                session.link(), learnerIds(), facilitatorIds, change)));
    }

    private void announceUpdate(EventFactory events) {
        outbox.add(events.create(EventCatalog.COHORT_UPDATED, id, new CohortUpdated(id, name, language,
                facilitatorIds, startsOn, endsOn, capacity, learnerIds())));
    }

    private void announceEnrolment(Enrollment enrollment, String enrollmentStatus, EventFactory events) {
        outbox.add(events.create(EventCatalog.LEARNER_ENROLLED, id, new LearnerEnrolled(id, name,
                enrollment.enrollmentId(), enrollment.memberId(), enrollmentStatus)));
    }

    /** @throws ApiProblem 409 once the cohort has started */
    void requireNotStarted(LocalDate today) {
        if (started(today)) {
            throw ApiProblem.conflict("cohort-started", "This cohort started on " + startsOn
                    + ": its facilitators, dates, capacity and sessions stay as they are");
        }
    }

    /** @throws ApiProblem 409 unless published and not over */
    void requireOpen(LocalDate today) {
        if (status != CohortStatus.PUBLISHED) {
            throw ApiProblem.conflict("cohort-not-open", "This cohort is not open for enrolment yet");
        }
        if (today.isAfter(endsOn)) {
            throw ApiProblem.conflict("cohort-ended", "This cohort is over");
        }
    }
}
