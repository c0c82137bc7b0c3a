package org.netzerocities.events.contract.community;

/** A post was published in a thread: the first post of a new thread or a reply. */
public record PostPublished(
        String postId,
        String threadId,
        String groupId,
        String authorId) {
}
