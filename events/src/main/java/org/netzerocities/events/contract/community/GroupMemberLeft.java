package org.netzerocities.events.contract.community;

/** A member is no longer in the group: they left, or withdrew from the group's cohort. */
public record GroupMemberLeft(
        String groupId,
        String groupName,
        String memberId) {
}
