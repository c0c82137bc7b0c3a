package org.netzerocities.events.contract.community;

/** A member started a message-board thread in a group; its first post follows with {@link PostPublished}. */
public record ThreadStarted(
        String threadId,
        String groupId,
        String authorId,
        String title) {
}
