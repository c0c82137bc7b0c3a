package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/** A member edited their profile; {@code previousCity} is set when they moved to another city. */
public record MemberProfileUpdated(
        String memberId,
        String displayName,
        String city,
        String previousCity,
        List<String> languages,
        List<String> interests,
        String timeZone,
        boolean directoryVisible,
        boolean profileComplete,
        Instant updatedAt) {
}
