package org.netzerocities.events.contract.community;

/** A moderator hid a post from the group's readers; its author is told why. */
public record PostHidden(
        String postId,
        String threadId,
        String authorId,
        String moderatorId,
        String reason) {
}
