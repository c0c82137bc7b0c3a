package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member was suspended by an admin: every service refuses the member's tokens until they are reinstated (the reason stays in community-service's audit log). */
public record MemberSuspended(
        String memberId,
        Instant suspendedAt) {
}
