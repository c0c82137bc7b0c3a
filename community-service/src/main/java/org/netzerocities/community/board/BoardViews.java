package org.netzerocities.community.board;

import java.time.Instant;
import java.util.List;

/** What the message boards show. */
final class BoardViews {

    private BoardViews() {
    }

    /**
     * @param authorId {@code null} once the author's account is erased
     * @param posts    posts written in the thread, deleted and hidden ones included
     */
    record ThreadView(String id, String groupId, String title, String authorId, Instant createdAt,
            Instant lastActivityAt, long posts) {

        static ThreadView of(BoardThread thread) {
            return new ThreadView(thread.id(), thread.groupId(), thread.title(), thread.authorId(),
                    thread.createdAt(), thread.lastActivityAt(), thread.postCount());
        }
    }

    /**
     * A post as one reader sees it.
     *
     * @param seq          its number in the thread: {@code before} of the next (older) page
     * @param authorId     {@code null} once the author's account is erased ({@code authorErased})
     * @param body         sanitised HTML; {@code null} when deleted or its author erased
     * @param hidden       hidden by a moderator: only its author and the group's moderators see it
     * @param hiddenReason the moderator's reason, shown to those who see it
     */
    record PostView(String id, String threadId, long seq, String authorId, String authorName, boolean authorErased,
            String body, Instant createdAt, Instant editedAt, boolean deleted, boolean hidden, String hiddenReason,
            List<ReactionCount> reactions) {
    }

    /** How many members gave a reaction, and whether the reader is one of them. */
    record ReactionCount(String kind, int count, boolean mine) {
    }

    record StartedThread(ThreadView thread, PostView firstPost) {
    }

    /** A reported post, for the group's moderators: the post and every report, newest first. */
    record ReportedPost(PostView post, int reports, Instant lastReportedAt, List<ReportView> reasons) {
    }

    record ReportView(String memberId, String reason, Instant reportedAt) {
    }

    /** A member's post in their data export. */
    record ExportedPost(String id, String threadId, String groupId, String body, Instant createdAt, Instant editedAt,
            Instant deletedAt) {
    }

    /** A member's report in their data export. */
    record ExportedReport(String postId, String reason, Instant reportedAt) {
    }

    /** Everything the boards hold that a member wrote. */
    record MemberBoardData(List<ExportedPost> posts, List<ExportedReport> reports) {
    }
}
