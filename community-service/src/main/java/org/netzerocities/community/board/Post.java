package org.netzerocities.community.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberMentioned;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.contract.community.PostPublished;
import org.netzerocities.events.contract.community.ThreadReplied;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A post in a thread. Its id is {@code <threadId>.<seq>}, its sequence number in the thread: a page of the
 * thread is the ids of a range of numbers, read by {@code _id} (the embedded server answers that from its
 * {@code _id} index, where any other query scans every post of the platform), and appending a post is one insert.
 * The post carries its own events (keyed by the thread id), so a post and its announcement are one write.
 * Reactions change by atomic updates that also raise the version, so a stale whole-document save (an edit that
 * raced with them) fails and is retried instead of undoing them.
 */
@Document(Post.COLLECTION)
class Post implements OutboxAggregate {

    static final String COLLECTION = "board_posts";
    static final String AUTHOR_ID = "authorId";
    static final String AUTHOR_ERASED = "authorErased";
    static final String BODY = "body";
    static final String CREATED_AT = "createdAt";
    static final String REACTIONS = "reactions";
    static final String MENTIONED_IDS = "mentionedIds";
    static final String VERSION = "version";

    @Id
    private final String id;
    private final String threadId;
    private final String groupId;
    private final long seq;
    /** {@code null} once the author's account is erased. */
    @Indexed
    private String authorId;
    /** Sanitised HTML; {@code null} once deleted or its author erased. */
    private String body;
    private final Instant createdAt;
    private Instant editedAt;
    private Instant deletedAt;
    private boolean authorErased;
    private Hidden hidden;
    /** Reaction kind to the members who gave it. */
    private final Map<String, Set<String>> reactions;
    /** Everyone the post mentioned (an edit mentions only those it adds). */
    private final Set<String> mentionedIds;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Post(String id, String threadId, String groupId, long seq, String authorId, String body, Instant createdAt,
            Instant editedAt, Instant deletedAt, boolean authorErased, Hidden hidden,
            Map<String, Set<String>> reactions, Set<String> mentionedIds, Long version, List<PendingEvent> outbox) {
        this.id = id;
        this.threadId = threadId;
        this.groupId = groupId;
        this.seq = seq;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = createdAt;
        this.editedAt = editedAt;
        this.deletedAt = deletedAt;
        this.authorErased = authorErased;
        this.hidden = hidden;
        this.reactions = reactions == null ? new HashMap<>() : new HashMap<>(reactions);
        this.mentionedIds = mentionedIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(mentionedIds);
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    static String id(String threadId, long seq) {
        return threadId + "." + seq;
    }

    /**
     * A new post, announced with {@code PostPublished}, with {@code ThreadReplied} when it is a reply, and with a
     * {@code MemberMentioned} per mentioned member.
     *
     * @param participantsBefore who posted in the thread before, the author excluded; {@code null} for the
     *                           thread's first post, which is no reply
     */
    static Post publish(BoardThread thread, long seq, String authorId, String body, Set<String> mentioned,
            Set<String> participantsBefore, Instant now, EventFactory events) {
        String id = id(thread.id(), seq);
        var post = new Post(id, thread.id(), thread.groupId(), seq, authorId, body, now, null, null, false, null,
                null, null, null, List.of());
        post.outbox.add(events.create(EventCatalog.POST_PUBLISHED, thread.id(),
                new PostPublished(id, thread.id(), thread.groupId(), authorId)));
        if (participantsBefore != null) {
            post.outbox.add(events.create(EventCatalog.THREAD_REPLIED, thread.id(), new ThreadReplied(thread.id(),
                    thread.title(), thread.groupId(), id, authorId, List.copyOf(participantsBefore))));
        }
        post.mention(mentioned, thread.title(), events);
        return post;
    }

    /**
     * The author rewrites the post; members it mentions for the first time are told.
     *
     * @throws ApiProblem 403 not the author, 409 deleted
     */
    void edit(String by, String newBody, Set<String> mentioned, String threadTitle, Instant now, EventFactory events) {
        requireAuthor(by, "edit");
        requireNotDeleted();
        body = newBody;
        editedAt = now;
        mention(mentioned, threadTitle, events);
    }

    /**
     * The author deletes the post: its text goes, the post stays in the thread shown as deleted.
     *
     * @throws ApiProblem 403 not the author, 409 deleted already
     */
    void delete(String by, Instant now) {
        requireAuthor(by, "delete");
        requireNotDeleted();
        body = null;
        deletedAt = now;
    }

    /**
     * A moderator hides the post from the group's readers; its author is told why with {@code PostHidden}.
     *
     * @throws ApiProblem 409 deleted or hidden already
     */
    void hide(String moderatorId, String reason, Instant now, EventFactory events) {
        requireNotDeleted();
        if (hidden != null) {
            throw ApiProblem.conflict("already-hidden", "This post is hidden already");
        }
        hidden = new Hidden(moderatorId, reason, now);
        outbox.add(events.create(EventCatalog.POST_HIDDEN, threadId,
                new PostHidden(id, threadId, authorId, moderatorId, reason)));
    }

    /** Whether the reader sees the post: a hidden one only its author and the group's moderators. */
    boolean visibleTo(String memberId, boolean moderator) {
        return hidden == null || moderator || memberId.equals(authorId);
    }

    /** @throws ApiProblem 409 when deleted */
    void requireNotDeleted() {
        if (deletedAt != null) {
            throw ApiProblem.conflict("post-deleted", "This post was deleted");
        }
    }

    /** @throws ApiProblem 403 when {@code memberId} is not the author */
    void requireAuthor(String memberId, String action) {
        if (!memberId.equals(authorId)) {
            throw ApiProblem.forbidden("Only the author may " + action + " a post");
        }
    }

    private void mention(Collection<String> mentioned, String threadTitle, EventFactory events) {
        for (String memberId : mentioned) {
            if (mentionedIds.add(memberId)) {
                outbox.add(events.create(EventCatalog.MEMBER_MENTIONED, threadId,
                        new MemberMentioned(id, threadId, threadTitle, groupId, authorId, memberId)));
            }
        }
    }

    String id() {
        return id;
    }

    String threadId() {
        return threadId;
    }

    String groupId() {
        return groupId;
    }

    long seq() {
        return seq;
    }

    String authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant editedAt() {
        return editedAt;
    }

    Instant deletedAt() {
        return deletedAt;
    }

    boolean authorErased() {
        return authorErased;
    }

    Hidden hidden() {
        return hidden;
    }

    Map<String, Set<String>> reactions() {
        return Map.copyOf(reactions);
    }

    Set<String> mentionedIds() {
        return Set.copyOf(mentionedIds);
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }

    /** Who hid the post, why and when. */
    record Hidden(String moderatorId, String reason, Instant at) {
    }
}
