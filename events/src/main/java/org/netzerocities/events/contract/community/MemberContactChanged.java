package org.netzerocities.events.contract.community;

/** How to reach a member, on the internal compacted contact topic: the latest value per member id counts; erasure writes a tombstone. */
public record MemberContactChanged(
        String memberId,
        String email,
        boolean emailVerified,
        String language,
        String timeZone,
        String displayName) {
}
