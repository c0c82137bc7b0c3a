package org.netzerocities.community.onboarding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.netzerocities.events.consumer.AppliedEvents;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.ManifestoAccepted;
import org.netzerocities.events.contract.community.OnboardingCompleted;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One member's way through the onboarding kit, built from the member's events and their acceptances, in
 * whatever order these arrive. Its unsent events travel in the same document; every change is a whole-document
 * save guarded by {@code version}, with the id of the event that caused it, so a redelivered event changes
 * nothing.
 */
@Document(Onboarding.COLLECTION)
class Onboarding implements OutboxAggregate {

    static final String COLLECTION = "onboarding";
    /** As many event ids as {@link AppliedEvents} remembers; older replays are caught by the dispatcher. */
    private static final int REMEMBERED_EVENTS = 50;

    @Id
    private String memberId;
    @Indexed
    private String city;
    private List<String> languages = new ArrayList<>();
    private boolean profileComplete;
    /** Time of the latest profile event applied: an older one replayed later must not undo a newer one. */
    private Instant profileAsOf;
    private Instant joinedAt;
    private List<Acceptance> acceptances = new ArrayList<>();
    private Instant onboardedAt;
    private Instant joinedGroupAt;
    private Instant registeredForEventAt;
    private Instant enrolledAt;
    /** Redundant with the fields above, stored so the city funnel is one {@code $group} over the collection. */
    private boolean onboarded;
    private boolean activated;
    /** Set when the member was erased: nothing else is kept, and later events about the member are ignored. */
    private Instant erasedAt;
    @Field(AppliedEvents.FIELD)
    private List<String> appliedEvents = new ArrayList<>();
    @Version
    private Long version;
    private List<PendingEvent> outbox = new ArrayList<>();

    Onboarding() {
    }

    static Onboarding of(String memberId) {
        Onboarding onboarding = new Onboarding();
        onboarding.memberId = memberId;
        return onboarding;
    }

    /**
     * Records that the event was applied; false when it already was, so the caller changes nothing.
     */
    boolean firstDelivery(String eventId) {
        if (appliedEvents.contains(eventId)) {
            return false;
        }
        appliedEvents.add(eventId);
        if (appliedEvents.size() > REMEMBERED_EVENTS) {
            appliedEvents.remove(0);
        }
        return true;
    }

    /** MemberJoined: the member exists, with the profile as registered. */
    void joined(String city, List<String> languages, boolean profileComplete, Instant joinedAt) {
        if (this.joinedAt == null) {
            this.joinedAt = joinedAt;
        }
        profile(city, languages, profileComplete, joinedAt);
    }

    /** MemberJoined or MemberProfileUpdated: applied unless a newer profile is already known. */
    void profile(String city, List<String> languages, boolean profileComplete, Instant asOf) {
        if (profileAsOf != null && asOf != null && asOf.isBefore(profileAsOf)) {
            return;
        }
        this.city = city;
        this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
        this.profileComplete = profileComplete;
        this.profileAsOf = asOf;
    }

    /**
     * Accepts {@code current}, the version now in force; false when it was accepted already. Publishes
     * ManifestoAccepted, and OnboardingCompleted once if the member is onboarded now.
     */
    boolean accept(int current, Instant now, EventFactory events) {
        if (acceptedVersion().filter(v -> v >= current).isPresent()) {
            return false;
        }
        acceptances.add(new Acceptance(current, now));
        outbox.add(events.create(EventCatalog.MANIFESTO_ACCEPTED, memberId,
                new ManifestoAccepted(memberId, current, now)));
        completeIfReady(current, now, events);
        return true;
    }

    /**
     * Onboarded = profile complete and the current manifesto accepted. Once onboarded, always onboarded: a
     * later manifesto version asks for a new acceptance but never publishes OnboardingCompleted again.
     */
    void completeIfReady(int current, Instant now, EventFactory events) {
        if (onboardedAt != null || !profileComplete || acceptedVersion().filter(v -> v >= current).isEmpty()) {
            return;
        }
        onboardedAt = now;
        onboarded = true;
        outbox.add(events.create(EventCatalog.ONBOARDING_COMPLETED, memberId,
                new OnboardingCompleted(memberId, city, now)));
    }

    /** GroupMemberJoined: the first group the member is in completes the step; later ones change nothing. */
    boolean joinedGroup(Instant now) {
        if (joinedGroupAt != null) {
            return false;
        }
        joinedGroupAt = now;
        activated = true;
        return true;
    }

    /** LearnerEnrolled with a place in the cohort: the programme step is done; a waitlisted learner has none yet. */
    boolean enrolled(String status, Instant now) {
        if (enrolledAt != null || !("ENROLLED".equals(status) || "PROMOTED".equals(status))) {
            return false;
        }
        enrolledAt = now;
        activated = true;
        return true;
    }

    /**
     * EventRegistrationChanged: registering counts, with a seat or on the waitlist (the member took the step; the
     * seat is the organiser's to give). A later withdrawal does not undo it.
     */
    boolean registeredForEvent(String status, Instant now) {
        if (registeredForEventAt != null || !("CONFIRMED".equals(status) || "WAITLISTED".equals(status)
                || "PROMOTED".equals(status))) {
            return false;
        }
        registeredForEventAt = now;
        activated = true;
        return true;
    }

    /** Forgets everything but the id and the time of erasure; returns the versions the member had accepted. */
    List<Integer> erase(Instant now) {
        List<Integer> accepted = acceptances.stream().map(Acceptance::version).distinct().toList();
        city = null;
        languages = new ArrayList<>();
        profileComplete = false;
        profileAsOf = null;
        joinedAt = null;
        acceptances = new ArrayList<>();
        onboardedAt = null;
        joinedGroupAt = null;
        registeredForEventAt = null;
        enrolledAt = null;
        onboarded = false;
        activated = false;
        erasedAt = now;
        return accepted;
    }

    boolean erased() {
        return erasedAt != null;
    }

    Optional<Integer> acceptedVersion() {
        return acceptances.stream().map(Acceptance::version).max(Integer::compare);
    }

    String memberId() {
        return memberId;
    }

    String city() {
        return city;
    }

    List<String> languages() {
        return List.copyOf(languages);
    }

    boolean profileComplete() {
        return profileComplete;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    List<Acceptance> acceptances() {
        return List.copyOf(acceptances);
    }

    Instant onboardedAt() {
        return onboardedAt;
    }

    Instant joinedGroupAt() {
        return joinedGroupAt;
    }

    Instant registeredForEventAt() {
        return registeredForEventAt;
    }

    Instant enrolledAt() {
        return enrolledAt;
    }

    boolean isNew() {
        return version == null;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
