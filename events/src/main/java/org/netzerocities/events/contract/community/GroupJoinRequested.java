package org.netzerocities.events.contract.community;

import java.util.List;

/** A member asked to join a private group; its moderators (the recipients) approve or decline. */
public record GroupJoinRequested(
        String groupId,
        String groupName,
        String memberId,
        List<String> moderatorIds) {
}
