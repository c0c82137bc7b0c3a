package org.netzerocities.community.event;

import java.time.Instant;

/**
 * A member's place at an event, kept inside the event's document in the order members registered: the first
 * {@link Status#WAITLISTED} entry is the first in the waitlist.
 *
 * @param confirmedAt when the member got a seat (at registration, or when promoted); null while waitlisted
 */
record Registration(String memberId, Status status, Instant registeredAt, Instant confirmedAt) {

    static final String MEMBER_ID = "memberId";

    enum Status {
        CONFIRMED, WAITLISTED
    }

    static Registration confirmed(String memberId, Instant now) {
        return new Registration(memberId, Status.CONFIRMED, now, now);
    }

    static Registration waitlisted(String memberId, Instant now) {
        return new Registration(memberId, Status.WAITLISTED, now, null);
    }

    Registration promoted(Instant now) {
        return new Registration(memberId, Status.CONFIRMED, registeredAt, now);
    }

    boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }
}
