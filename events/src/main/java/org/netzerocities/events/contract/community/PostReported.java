package org.netzerocities.events.contract.community;

import java.util.List;

/**
 * A reader reported a post to the group's moderators.
 *
 * @param moderatorIds the group's moderators when the post was reported: whom to notify
 */
public record PostReported(
        String postId,
        String threadId,
        String groupId,
        List<String> moderatorIds) {
}
