package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/** A city's transition team launched a local call to join; citizens register with its code. */
public record CallToJoinLaunched(
        String callId,
        String code,
        String city,
        String title,
        List<String> topics,
        Instant closesAt,
        String launchedBy,
        Instant launchedAt) {
}
