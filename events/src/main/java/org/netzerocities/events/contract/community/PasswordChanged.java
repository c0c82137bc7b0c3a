package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A member's password changed (by them or through a reset): they are told, in case it was not them. */
public record PasswordChanged(
        String memberId,
        Instant changedAt) {
}
