package org.netzerocities.community.board;

import org.netzerocities.community.board.BoardRequests.NewPost;
import org.netzerocities.community.board.BoardRequests.NewThread;
import org.netzerocities.community.board.BoardRequests.Reason;
import org.netzerocities.community.board.BoardViews.PostView;
import org.netzerocities.community.board.BoardViews.ReportView;
import org.netzerocities.community.board.BoardViews.ReportedPost;
import org.netzerocities.community.board.BoardViews.StartedThread;
import org.netzerocities.community.board.BoardViews.ThreadView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/community")
@Tag(name = "Message boards", description = "Threads and posts (the chat feed) of the groups, reactions, reports "
        + "and moderation. A public group's boards are readable by every member, a private group's by its members; "
        + "writing, replying and reacting take membership. Posted text is sanitised HTML: b, i, em, strong, p, br, "
        + "ul, ol, li, blockquote, code, pre and links to http, https or mailto addresses (rel=\"nofollow noopener\"); "
        + "everything else is removed. @displayName mentions a member who can read the thread: the name's letters "
        + "and digits, case and accents ignored; the longest name that matches wins, and when several such members "
        + "share that name, all of them are mentioned.")
class BoardController {

    private final Boards boards;

    BoardController(Boards boards) {
        this.boards = boards;
    }

    @PostMapping("/groups/{id}/threads")
    @Operation(summary = "Start a thread {title, body}: the group's members. 201 with the thread and its first post; "
            + "400 when nothing is left of the title or body once sanitised, or the body exceeds "
            + BoardText.MAX_BODY + " characters, the title " + BoardText.MAX_TITLE)
    ResponseEntity<StartedThread> start(@PathVariable String id, @Valid @RequestBody NewThread body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(boards.start(id, body.title(), body.body(), caller));
    }

    @GetMapping("/groups/{id}/threads")
    @Operation(summary = "The group's threads, latest activity first: whoever may read the group")
    PageResponse<ThreadView> threads(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        var pageable = PageResponse.request(page, size,
                Sort.by(Sort.Direction.DESC, BoardThread.LAST_ACTIVITY_AT).and(Sort.by("_id")));
        return boards.threads(id, pageable, caller);
    }

    @PostMapping("/threads/{id}/posts")
    @Operation(summary = "Reply in a thread {body}: the group's members. 201 with the post")
    ResponseEntity<PostView> reply(@PathVariable String id, @Valid @RequestBody NewPost body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(boards.reply(id, body.body(), caller));
    }

    @GetMapping("/threads/{id}/posts")
    @Operation(summary = "The thread's posts, newest first: whoever may read the group. Page n holds the posts "
            + "numbered top - n*size down, where top is the newest post's seq, or before - 1 with ?before= (a post's "
            + "seq: stable paging while new posts arrive); total is top. Posts a moderator hid are left out except "
            + "for their author and the moderators, who see them marked hidden, so a page may hold fewer than size; "
            + "deleted posts stay, marked deleted, without text")
    PageResponse<PostView> posts(@PathVariable String id, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        if (before != null && before < 1) {
            throw ApiProblem.invalid("before", "must be a post's seq, 1 or more");
        }
        return boards.posts(id, before, PageResponse.request(page, size, Sort.unsorted()), caller);
    }

    @PatchMapping("/posts/{id}")
    @Operation(summary = "Edit one's own post {body}: its author, still a member of the group. The post gets an "
            + "editedAt marker; members it mentions for the first time are notified. 409 when deleted")
    PostView edit(@PathVariable String id, @Valid @RequestBody NewPost body, Caller caller) {
        return boards.edit(id, body.body(), caller);
    }

    @DeleteMapping("/posts/{id}")
    @Operation(summary = "Delete one's own post: its author. 204; it stays in the thread, marked deleted, without text")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        boards.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/posts/{id}/reactions/{kind}")
    @Operation(summary = "React to a post (LIKE, CELEBRATE, SUPPORT or INSIGHTFUL): the group's members, each kind "
            + "once per member (again changes nothing). 200 with the post's counts and the caller's own reactions")
    PostView react(@PathVariable String id, @PathVariable Reaction kind, Caller caller) {
        return boards.react(id, kind, true, caller);
    }

    @DeleteMapping("/posts/{id}/reactions/{kind}")
    @Operation(summary = "Take a reaction back (none given changes nothing). 200 with the post")
    PostView unreact(@PathVariable String id, @PathVariable Reaction kind, Caller caller) {
        return boards.react(id, kind, false, caller);
    }

    @PostMapping("/posts/{id}/reports")
    @Operation(summary = "Report a post to the group's moderators {reason}: whoever may read it, once per member "
            + "(409 the second time). 201")
    ResponseEntity<ReportView> report(@PathVariable String id, @Valid @RequestBody Reason body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(boards.report(id, body.reason(), caller));
    }

    @PostMapping("/posts/{id}/hidden")
    @Operation(summary = "Hide a post {reason}: the group's moderators (and admins). Its author is told why; readers "
            + "no longer see it. 409 when hidden already or deleted")
    PostView hide(@PathVariable String id, @Valid @RequestBody Reason body, Caller caller) {
        return boards.hide(id, body.reason(), caller);
    }

    @GetMapping("/groups/{id}/reports")
    @Operation(summary = "The group's reported posts that are still shown, the most recently reported first, each "
            + "with its reports: the group's moderators (and admins)")
    PageResponse<ReportedPost> reports(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        return boards.reports(id, PageResponse.request(page, size, Sort.unsorted()), caller);
    }
}
