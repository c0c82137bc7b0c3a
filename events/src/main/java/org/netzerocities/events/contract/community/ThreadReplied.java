package org.netzerocities.events.contract.community;

import java.util.List;

/**
 * A member replied in a thread.
 *
 * @param participantIds everyone who posted in the thread before this reply, the author excluded: whom to notify
 */
public record ThreadReplied(
        String threadId,
        String threadTitle,
        String groupId,
        String postId,
        String authorId,
        List<String> participantIds) {
}
