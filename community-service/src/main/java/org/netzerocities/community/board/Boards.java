package org.netzerocities.community.board;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.netzerocities.community.board.BoardViews.ExportedPost;
import org.netzerocities.community.board.BoardViews.ExportedReport;
import org.netzerocities.community.board.BoardViews.MemberBoardData;
import org.netzerocities.community.board.BoardViews.PostView;
import org.netzerocities.community.board.BoardViews.ReactionCount;
import org.netzerocities.community.board.BoardViews.ReportView;
import org.netzerocities.community.board.BoardViews.ReportedPost;
import org.netzerocities.community.board.BoardViews.StartedThread;
import org.netzerocities.community.board.BoardViews.ThreadView;
import org.netzerocities.community.group.GroupAccess;
import org.netzerocities.community.group.GroupSummary;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;

/**
 * The message boards of the groups: threads, their posts (the chat feed), reactions, reports and moderation.
 * Who may read and write is the group's rule ({@link GroupAccess}): a public group's boards are readable by
 * every member, a private group's by its members; writing takes membership.
 *
 * <p>The hot paths touch no collection by scan: reading a page of a thread is an {@code _id} lookup of the
 * thread and one of the page's post ids (plus one of the authors' names), appending a post one
 * {@code findAndModify} of the thread by id and one insert.
 */
@Service
public class Boards {

    private static final Logger log = LoggerFactory.getLogger(Boards.class);

    private final MongoTemplate mongo;
    private final GroupAccess groups;
    private final MemberNames names;
    private final EventFactory events;
    private final Clock clock;

    Boards(MongoTemplate mongo, GroupAccess groups, MemberNames names, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.groups = groups;
        this.names = names;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts a thread with its first post, announced with {@code ThreadStarted}, {@code PostPublished} and a
     * {@code MemberMentioned} per member the post mentions.
     *
     * @throws ApiProblem 404 unknown group, 403 not a member, 400 nothing left of the title or body once sanitised
     */
    StartedThread start(String groupId, String rawTitle, String rawBody, Caller caller) {
        GroupSummary group = groups.writable(groupId, caller);
        String title = BoardText.title(rawTitle);
        BoardText.Body body = BoardText.body(rawBody);
        String author = caller.memberId();
        Set<String> mentioned = mentioned(group, Set.of(), body.text(), author);
        Instant now = now();
        BoardThread thread = mongo.insert(
                BoardThread.start(UUID.randomUUID().toString(), group.id(), title, author, now, events));
        Post post = mongo.insert(Post.publish(thread, 1, author, body.html(), mentioned, null, now, events));
        log.info("Member {} started thread {} in group {} (post {}, {} mentioned)", author, thread.id(), group.id(),
                post.id(), mentioned.size());
        return new StartedThread(ThreadView.of(thread), view(post, caller, () -> false));
    }

    /**
     * Replies in a thread, announced with {@code PostPublished}, {@code ThreadReplied} (everyone who posted in
     * the thread before, the author excluded) and a {@code MemberMentioned} per mentioned member. The post's
     * number comes from one atomic update of the thread, which returns the participants as they were before.
     *
     * @throws ApiProblem 404 unknown thread, 403 not a member of its group, 400 nothing left once sanitised
     */
    PostView reply(String threadId, String rawBody, Caller caller) {
        BoardThread thread = thread(threadId);
        GroupSummary group = groups.writable(thread.groupId(), caller);
        BoardText.Body body = BoardText.body(rawBody);
        String author = caller.memberId();
        Set<String> mentioned = mentioned(group, thread.participantIds(), body.text(), author);
        Instant now = now();
        BoardThread before = mongo.findAndModify(byId(threadId),
                new Update().inc(BoardThread.POST_COUNT, 1).inc(BoardThread.VERSION, 1)
                        .max(BoardThread.LAST_ACTIVITY_AT, now).addToSet(BoardThread.PARTICIPANT_IDS, author),
                BoardThread.class);
        if (before == null) {
            throw ApiProblem.notFound("Thread " + threadId);
        }
        Set<String> participants = new TreeSet<>(before.participantIds());
        participants.remove(author);
        Post post = mongo.insert(Post.publish(before, before.postCount() + 1, author, body.html(), mentioned,
                participants, now, events));
        log.info("Member {} replied in thread {} (post {}, {} participants, {} mentioned)", author, threadId,
                post.id(), participants.size(), mentioned.size());
        return view(post, caller, () -> false);
    }

    /**
     * The group's threads, latest activity first.
     *
     * @throws ApiProblem 404 unknown group, 403 may not read it
     */
    PageResponse<ThreadView> threads(String groupId, Pageable page, Caller caller) {
        GroupSummary group = groups.readable(groupId, caller);
        Query query = Query.query(Criteria.where(BoardThread.GROUP_ID).is(group.id()));
        long total = mongo.count(query, BoardThread.class);
        List<ThreadView> items = mongo.find(query.with(page), BoardThread.class).stream().map(ThreadView::of)
                .toList();
        return new PageResponse<>(items, page.getPageNumber(), page.getPageSize(), total);
    }

    /**
     * A page of the thread's posts, newest first: page {@code n} holds the posts numbered from
     * {@code top - n * size} down, where {@code top} is the newest post's number, or {@code before - 1} when a
     * client pages from a post it has (stable while new posts arrive). {@code total} is {@code top}. Hidden
     * posts are left out for readers other than their author and the group's moderators, so a page may hold
     * fewer than {@code size} posts; deleted ones stay, without their text.
     *
     * @throws ApiProblem 404 unknown thread, 403 may not read its group
     */
    PageResponse<PostView> posts(String threadId, Long beforeSeq, Pageable page, Caller caller) {
        BoardThread thread = thread(threadId);
        GroupSummary group = groups.readable(thread.groupId(), caller);
        long top = beforeSeq == null ? thread.postCount() : Math.min(beforeSeq - 1, thread.postCount());
        long newest = top - page.getOffset();
        long oldest = Math.max(1, newest - page.getPageSize() + 1);
        List<String> ids = newest < 1 ? List.of()
                : LongStream.rangeClosed(oldest, newest).mapToObj(seq -> Post.id(threadId, seq)).toList();
        List<Post> found = ids.isEmpty() ? List.of()
                : mongo.find(Query.query(Criteria.where("_id").in(ids)), Post.class);
        BooleanSupplier moderator = memo(() -> groups.moderates(group.id(), caller));
        List<Post> shown = found.stream().sorted(Comparator.comparingLong(Post::seq).reversed())
                .filter(post -> post.visibleTo(caller.memberId(), post.hidden() != null && moderator.getAsBoolean()))
                .toList();
        return new PageResponse<>(views(shown, caller, moderator), page.getPageNumber(), page.getPageSize(),
                Math.max(top, 0));
    }

    /**
     * The author rewrites their post (an {@code editedAt} marker); members it mentions for the first time are
     * told with {@code MemberMentioned}.
     *
     * @throws ApiProblem 404 unknown or hidden from the caller, 403 not the author or no longer a member, 409
     *                    deleted, 400 nothing left once sanitised
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    PostView edit(String postId, String rawBody, Caller caller) {
        Post post = readablePost(postId, caller);
        post.requireAuthor(caller.memberId(), "edit");
        GroupSummary group = groups.writable(post.groupId(), caller);
        post.requireNotDeleted();
        BoardText.Body body = BoardText.body(rawBody);
        BoardThread thread = thread(post.threadId());
        Set<String> mentioned = mentioned(group, thread.participantIds(), body.text(), caller.memberId());
        post.edit(caller.memberId(), body.html(), mentioned, thread.title(), now(), events);
        post = mongo.save(post);
        log.info("Member {} edited post {}", caller.memberId(), postId);
        return view(post, caller, () -> false);
    }

    /**
     * The author deletes their post: its text goes, it stays in the thread marked deleted.
     *
     * @throws ApiProblem 404 unknown or hidden from the caller, 403 not the author, 409 deleted already
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    void delete(String postId, Caller caller) {
        Post post = readablePost(postId, caller);
        post.delete(caller.memberId(), now());
        mongo.save(post);
        log.info("Member {} deleted post {}", caller.memberId(), postId);
    }

    /**
     * Gives ({@code on}) or takes back a reaction: one of each kind per member, so giving twice or taking back
     * what was not given changes nothing. One atomic update; it raises the version so that a concurrent
     * whole-document save of the post fails and retries instead of undoing it.
     *
     * @throws ApiProblem 404 unknown or hidden from the caller, 403 not a member of the group, 409 deleted
     */
    PostView react(String postId, Reaction kind, boolean on, Caller caller) {
        Post post = readablePost(postId, caller);
        groups.writable(post.groupId(), caller);
        post.requireNotDeleted();
        String field = Post.REACTIONS + "." + kind.name();
        Update update = on ? new Update().addToSet(field, caller.memberId())
                : new Update().pull(field, caller.memberId());
        Post after = mongo.findAndModify(byId(postId), update.inc(Post.VERSION, 1),
                FindAndModifyOptions.options().returnNew(true), Post.class);
        if (after == null) {
            throw ApiProblem.notFound("Post " + postId);
        }
        log.info("Member {} {} {} on post {}", caller.memberId(), on ? "gave" : "took back", kind, postId);
        return view(after, caller, memo(() -> groups.moderates(after.groupId(), caller)));
    }

    /**
     * A reader reports a post to the group's moderators ({@code PostReported} names them); once per member.
     *
     * @throws ApiProblem 404 unknown or hidden from the caller, 403 may not read the group, 409 deleted or
     *                    reported by the caller already
     */
    ReportView report(String postId, String reason, Caller caller) {
        Post post = readablePost(postId, caller);
        post.requireNotDeleted();
        GroupSummary group = groups.readable(post.groupId(), caller);
        PostReport report = PostReport.file(post, caller.memberId(),
                BoardText.plain(reason, "reason", BoardRequests.MAX_REASON),
                group.moderatorIds().stream().sorted().toList(), now(), events);
        try {
            report = mongo.insert(report);
        }
        catch (DuplicateKeyException ex) {
            throw ApiProblem.conflict("already-reported", "You reported this post already");
        }
        log.info("Member {} reported post {} to the moderators of group {}", caller.memberId(), postId, group.id());
        return new ReportView(report.memberId(), report.reason(), report.reportedAt());
    }

    /**
     * A moderator of the group hides a post; {@code PostHidden} tells its author why.
     *
     * @throws ApiProblem 404 unknown post, 403 not a moderator of its group, 409 deleted or hidden already
     */
    @Retryable(includes = OptimisticLockingFailureException.class, maxRetries = 3, delay = 20)
    PostView hide(String postId, String reason, Caller caller) {
        Post post = post(postId);
        GroupSummary group = groups.readable(post.groupId(), caller);
        if (!groups.moderates(group.id(), caller)) {
            throw ApiProblem.forbidden("Only the group's moderators may hide a post");
        }
        post.hide(caller.memberId(), BoardText.plain(reason, "reason", BoardRequests.MAX_REASON), now(), events);
        post = mongo.save(post);
        log.info("Moderator {} hid post {} of group {}", caller.memberId(), postId, group.id());
        return view(post, caller, () -> true);
    }

    /**
     * The group's reported posts that are still shown (neither hidden nor deleted), the most recently reported
     * first, each with its reports. Reports are few next to posts: their own collection is read for the group.
     *
     * @throws ApiProblem 404 unknown group, 403 not a moderator of it
     */
    PageResponse<ReportedPost> reports(String groupId, Pageable page, Caller caller) {
        GroupSummary group = groups.readable(groupId, caller);
        if (!groups.moderates(group.id(), caller)) {
            throw ApiProblem.forbidden("Only the group's moderators see its reported posts");
        }
        Query query = Query.query(Criteria.where(PostReport.GROUP_ID).is(group.id()))
                .with(Sort.by(Sort.Direction.DESC, PostReport.REPORTED_AT));
        Map<String, List<ReportView>> byPost = new LinkedHashMap<>();
        for (PostReport report : mongo.find(query, PostReport.class)) {
            byPost.computeIfAbsent(report.postId(), id -> new ArrayList<>())
                    .add(new ReportView(report.memberId(), report.reason(), report.reportedAt()));
        }
        Map<String, Post> posts = byPost.isEmpty() ? Map.of()
                : mongo.find(Query.query(Criteria.where("_id").in(byPost.keySet())), Post.class).stream()
                        .filter(post -> post.hidden() == null && post.deletedAt() == null)
                        .collect(Collectors.toMap(Post::id, post -> post));
        List<String> open = byPost.keySet().stream().filter(posts::containsKey).toList();
        PageResponse<String> shown = PageResponse.of(open, page);
        Map<String, PostView> views = views(shown.items().stream().map(posts::get).toList(), caller, () -> true)
                .stream().collect(Collectors.toMap(PostView::id, view -> view));
        return new PageResponse<>(shown.items().stream().map(id -> new ReportedPost(views.get(id),
                byPost.get(id).size(), byPost.get(id).get(0).reportedAt(), byPost.get(id))).toList(),
                shown.page(), shown.size(), shown.total());
    }

    /** Everything the member wrote on the boards, for their data export: posts (oldest first) and reports. */
    public MemberBoardData export(String memberId) {
        List<ExportedPost> posts = mongo.find(Query.query(Criteria.where(Post.AUTHOR_ID).is(memberId))
                .with(Sort.by(Post.CREATED_AT)), Post.class).stream()
                .map(post -> new ExportedPost(post.id(), post.threadId(), post.groupId(), post.body(),
                        post.createdAt(), post.editedAt(), post.deletedAt()))
                .toList();
        List<ExportedReport> reports = mongo.find(Query.query(Criteria.where(PostReport.MEMBER_ID).is(memberId))
                .with(Sort.by(PostReport.REPORTED_AT)), PostReport.class).stream()
                .map(report -> new ExportedReport(report.postId(), report.reason(), report.reportedAt())).toList();
        return new MemberBoardData(posts, reports);
    }

    /**
     * An erased member's traces go: the text of their posts (which stay in their threads, shown as by an erased
     * member) and their posts' unsent events, their reactions, mentions of them, their reports, their place
     * among the participants and as a thread's author. One pass per collection; applying it again changes
     * nothing.
     */
    void forget(String memberId) {
        long posts = mongo.updateMulti(Query.query(Criteria.where(Post.AUTHOR_ID).is(memberId)),
                new Update().unset(Post.AUTHOR_ID).unset(Post.BODY).set(Post.AUTHOR_ERASED, true)
                        .set(OutboxAggregate.OUTBOX_FIELD, List.of()).inc(Post.VERSION, 1),
                Post.class).getModifiedCount();
        List<Criteria> traces = new ArrayList<>();
        Update untrace = new Update().inc(Post.VERSION, 1).pull(Post.MENTIONED_IDS, memberId);
        traces.add(Criteria.where(Post.MENTIONED_IDS).is(memberId));
        for (Reaction kind : Reaction.values()) {
            traces.add(Criteria.where(Post.REACTIONS + "." + kind.name()).is(memberId));
            untrace.pull(Post.REACTIONS + "." + kind.name(), memberId);
        }
        mongo.updateMulti(Query.query(new Criteria().orOperator(traces)), untrace, Post.class);
        mongo.remove(Query.query(Criteria.where(PostReport.MEMBER_ID).is(memberId)), PostReport.class);
        mongo.updateMulti(Query.query(Criteria.where(BoardThread.PARTICIPANT_IDS).is(memberId)),
                new Update().pull(BoardThread.PARTICIPANT_IDS, memberId).inc(BoardThread.VERSION, 1),
                BoardThread.class);
        mongo.updateMulti(Query.query(Criteria.where(BoardThread.AUTHOR_ID).is(memberId)),
                new Update().unset(BoardThread.AUTHOR_ID).inc(BoardThread.VERSION, 1), BoardThread.class);
        log.info("Board traces of erased member {} removed ({} posts emptied)", memberId, posts);
    }

    /**
     * Who the text mentions: for each {@code @name}, the members by that name who may read the thread (the
     * group's members; in a public group also the thread's participants, who may have left the group and
     * still read it), never the author. Two lookups by key and id, whatever the number of members.
     */
    private Set<String> mentioned(GroupSummary group, Set<String> participants, String text, String authorId) {
        List<List<String>> candidates = Mentions.candidates(text);
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Set<String> keys = Mentions.keys(candidates);
        Set<String> named = new HashSet<>();
        names.membersNamed(keys).values().forEach(named::addAll);
        named.remove(authorId);
        if (named.isEmpty()) {
            return Set.of();
        }
        Set<String> mayRead = new HashSet<>(groups.membersAmong(group.id(), named));
        if (group.isPublic()) {
            named.stream().filter(participants::contains).forEach(mayRead::add);
        }
        Map<String, Set<String>> mentionable = new HashMap<>();
        names.displayNames(mayRead).forEach((id, name) -> {
            String key = Mentions.key(name);
            if (keys.contains(key)) {
                mentionable.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
            }
        });
        return Mentions.resolve(candidates, mentionable);
    }

    private Post readablePost(String postId, Caller caller) {
        Post post = post(postId);
        groups.readable(post.groupId(), caller);
        if (!post.visibleTo(caller.memberId(), post.hidden() != null && groups.moderates(post.groupId(), caller))) {
            throw ApiProblem.notFound("Post " + postId);
        }
        return post;
    }

    private Post post(String postId) {
        Post post = mongo.findById(postId, Post.class);
        if (post == null) {
            throw ApiProblem.notFound("Post " + postId);
        }
        return post;
    }

    private BoardThread thread(String threadId) {
        BoardThread thread = mongo.findById(threadId, BoardThread.class);
        if (thread == null) {
            throw ApiProblem.notFound("Thread " + threadId);
        }
        return thread;
    }

    private PostView view(Post post, Caller caller, BooleanSupplier moderator) {
        return views(List.of(post), caller, moderator).get(0);
    }

    /** The posts as the caller sees them, their authors' names read in one query. */
    private List<PostView> views(List<Post> posts, Caller caller, BooleanSupplier moderator) {
        Map<String, String> authors = names.displayNames(
                posts.stream().map(Post::authorId).filter(id -> id != null).collect(Collectors.toSet()));
        String me = caller.memberId();
        return posts.stream().map(post -> {
            boolean deleted = post.deletedAt() != null;
            boolean hidden = post.hidden() != null;
            List<ReactionCount> reactions = deleted ? List.of() : Arrays.stream(Reaction.values())
                    .map(kind -> {
                        Set<String> given = post.reactions().getOrDefault(kind.name(), Set.of());
                        return new ReactionCount(kind.name(), given.size(), given.contains(me));
                    }).toList();
            String reason = hidden && (me.equals(post.authorId()) || moderator.getAsBoolean())
                    ? post.hidden().reason() : null;
            return new PostView(post.id(), post.threadId(), post.seq(), post.authorId(),
                    post.authorId() == null ? null : authors.get(post.authorId()), post.authorErased(),
                    deleted ? null : post.body(), post.createdAt(), post.editedAt(), deleted, hidden, reason,
                    reactions);
        }).toList();
    }

    /** Asks once, when first needed: most pages hold no hidden post, and then nobody asks. */
    private static BooleanSupplier memo(BooleanSupplier question) {
        return new BooleanSupplier() {

            private Boolean answer;

            @Override
            public boolean getAsBoolean() {
                if (answer == null) {
                    answer = question.getAsBoolean();
                }
                return answer;
            }
        };
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** Millisecond precision: what MongoDB stores, so a write matches every later read. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
