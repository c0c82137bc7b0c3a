package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member is onboarded: profile complete and the current manifesto accepted. Published once per member. */
public record OnboardingCompleted(
        String memberId,
        String city,
        Instant completedAt) {
}
