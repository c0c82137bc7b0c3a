package org.netzerocities.community.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.ThreadStarted;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A thread of a group's message board. It numbers its posts ({@link #POST_COUNT} is the sequence number of
 * the last one handed out) so that a post's id is {@code <threadId>.<seq>} and a page of the thread is read by
 * {@code _id} (see {@link Post}). A reply updates it with one atomic {@code findAndModify}; it is never saved
 * whole after its creation.
 */
@Document(BoardThread.COLLECTION)
@CompoundIndex(name = "group_activity", def = "{'groupId': 1, 'lastActivityAt': -1}")
class BoardThread implements OutboxAggregate {

    static final String COLLECTION = "board_threads";
    static final String GROUP_ID = "groupId";
    static final String AUTHOR_ID = "authorId";
    static final String LAST_ACTIVITY_AT = "lastActivityAt";
    static final String POST_COUNT = "postCount";
    static final String PARTICIPANT_IDS = "participantIds";
    static final String VERSION = "version";

    @Id
    private final String id;
    private final String groupId;
    private final String title;
    /** {@code null} once the author's account is erased. */
    private final String authorId;
    private final Instant createdAt;
    private final Instant lastActivityAt;
    private final long postCount;
    /** Everyone who posted in the thread: whom a reply notifies. */
    private final Set<String> participantIds;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    BoardThread(String id, String groupId, String title, String authorId, Instant createdAt, Instant lastActivityAt,
            long postCount, Set<String> participantIds, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.groupId = groupId;
        this.title = title;
        this.authorId = authorId;
        this.createdAt = createdAt;
        this.lastActivityAt = lastActivityAt;
        this.postCount = postCount;
        this.participantIds = participantIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(participantIds);
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new thread whose first post (sequence 1) its author writes next; announced with {@code ThreadStarted}. */
    static BoardThread start(String id, String groupId, String title, String authorId, Instant now,
            EventFactory events) {
        var thread = new BoardThread(id, groupId, title, authorId, now, now, 1, Set.of(authorId), null, List.of());
        thread.outbox.add(events.create(EventCatalog.THREAD_STARTED, id,
                new ThreadStarted(id, groupId, authorId, title)));
        return thread;
    }

    String id() {
        return id;
    }

    String groupId() {
        return groupId;
    }

    String title() {
        return title;
    }

    String authorId() {
        return authorId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastActivityAt() {
        return lastActivityAt;
    }

    long postCount() {
        return postCount;
    }

    Set<String> participantIds() {
        return Set.copyOf(participantIds);
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
