package org.netzerocities.community.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.PostReported;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's report of a post to the group's moderators. Its id is {@code <postId>|<memberId>}, so a member
 * reports a post once at most, even from two instances at the same moment. Kept apart from the posts: the
 * moderators' list of reported posts reads this small collection, not every post.
 */
@Document(PostReport.COLLECTION)
@CompoundIndex(name = "group_reported", def = "{'groupId': 1, 'reportedAt': -1}")
@CompoundIndex(name = "member", def = "{'memberId': 1}")
class PostReport implements OutboxAggregate {

    static final String COLLECTION = "board_reports";
    static final String GROUP_ID = "groupId";
    static final String POST_ID = "postId";
    static final String MEMBER_ID = "memberId";
    static final String REPORTED_AT = "reportedAt";

    @Id
    private final String id;
    private final String postId;
    private final String threadId;
    private final String groupId;
    private final String memberId;
    private final String reason;
    private final Instant reportedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    PostReport(String id, String postId, String threadId, String groupId, String memberId, String reason,
            Instant reportedAt, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.postId = postId;
        this.threadId = threadId;
        this.groupId = groupId;
        this.memberId = memberId;
        this.reason = reason;
        this.reportedAt = reportedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new report, announced with {@code PostReported} to the group's moderators of the moment. */
    static PostReport file(Post post, String memberId, String reason, List<String> moderatorIds, Instant now,
            EventFactory events) {
        var report = new PostReport(post.id() + "|" + memberId, post.id(), post.threadId(), post.groupId(), memberId,
                reason, now, null, List.of());
        report.outbox.add(events.create(EventCatalog.POST_REPORTED, post.threadId(),
                new PostReported(post.id(), post.threadId(), post.groupId(), moderatorIds)));
        return report;
    }

    String id() {
        return id;
    }

    String postId() {
        return postId;
    }

    String threadId() {
        return threadId;
    }

    String groupId() {
        return groupId;
    }

    String memberId() {
        return memberId;
    }

    String reason() {
        return reason;
    }

    Instant reportedAt() {
        return reportedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
