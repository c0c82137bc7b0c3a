package org.netzerocities.notification.inbox;

import java.time.Instant;

import org.netzerocities.events.contract.community.MemberMentioned;

/** A post names the member: the notification leads to the post in its thread. */
final class Mention {

    private Mention() {
    }

    static Notification forMember(MemberMentioned mentioned, String eventId, Instant now) {
        String body = "A member of the group mentioned you in the thread “%s”. Open it to read the post and reply."
                .formatted(mentioned.threadTitle());
        return new Notification("mention-" + mentioned.postId() + "-" + mentioned.mentionedMemberId(),
                mentioned.mentionedMemberId(), Category.MENTION, "You were mentioned in “" + mentioned.threadTitle() + "”",
                body, "/community/threads/" + mentioned.threadId() + "?post=" + mentioned.postId(), eventId, now, null);
    }
}
