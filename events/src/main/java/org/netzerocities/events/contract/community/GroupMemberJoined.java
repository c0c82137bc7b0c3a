package org.netzerocities.events.contract.community;

/** A member is in the group now: joined a public group, was approved, or was added as a learner or facilitator. */
public record GroupMemberJoined(
        String groupId,
        String groupName,
        String memberId) {
}
