package org.netzerocities.community.onboarding;

import java.time.Instant;

/** A member accepted manifesto version {@code version}. */
public record Acceptance(int version, Instant acceptedAt) {
}
