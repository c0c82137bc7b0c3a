package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A suspended member was reinstated by an admin: every service accepts the member's tokens again. */
public record MemberReinstated(
        String memberId,
        Instant reinstatedAt) {
}
