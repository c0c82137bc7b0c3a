package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/** A citizen registered on the platform. No contact data: the email travels only on the internal contact topic. */
public record MemberJoined(
        String memberId,
        String displayName,
        String city,
        List<String> languages,
        List<String> interests,
        String timeZone,
        String callCode,
        String campaignRef,
        boolean profileComplete,
        Instant joinedAt) {
}
