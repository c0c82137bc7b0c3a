package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A role was granted; it takes effect in the member's next token. {@code city} is set for city-bound roles. */
public record MemberRoleGranted(
        String memberId,
        String role,
        String city,
        String grantedBy,
        Instant grantedAt) {
}
