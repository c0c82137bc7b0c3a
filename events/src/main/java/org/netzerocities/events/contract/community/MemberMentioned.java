package org.netzerocities.events.contract.community;

/** A post mentions a member who can read its thread; one event per mentioned member. */
public record MemberMentioned(
        String postId,
        String threadId,
        String threadTitle,
        String groupId,
        String authorId,
        String mentionedMemberId) {
}
