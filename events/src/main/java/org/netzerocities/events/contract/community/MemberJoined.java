package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/**
 * A citizen registered on the platform. Carries the contact details that the notification service
 * needs for its contact projection, and the city and languages that other services key their local
 * projections on.
 *
 * @param callCode the local call to join the member came through, or {@code null}
 */
public record MemberJoined(
        String memberId,
        String email,
        String displayName,
        String city,
        List<String> languages,
        List<String> interests,
        String callCode,
        Instant joinedAt) {
}
