package org.netzerocities.events.contract.community;

/** A moderator approved or declined a member's request to join a private group ({@code answer}: APPROVED, DECLINED). */
public record GroupJoinAnswered(
        String groupId,
        String groupName,
        String memberId,
        String answer) {
}
