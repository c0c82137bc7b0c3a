package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member's account was erased: every consumer drops or anonymises what it holds on the member and refuses their tokens. */
public record MemberErased(
        String memberId,
        String city,
        Instant erasedAt) {
}
