package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A role ended: revoked, or a city-bound role left behind when the member moved. */
public record MemberRoleRevoked(
        String memberId,
        String role,
        String city,
        String revokedBy,
        Instant revokedAt) {
}
