package org.netzerocities.notification.inbox;

import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Inbox", description = "The calling member's notifications")
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "The inbox, newest first (by seq); unread=true for unread only, unread=false for read only")
    PageResponse<NotificationView> list(Caller caller,
            @RequestParam(required = false) Boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return PageResponse.of(inbox.of(caller.memberId(), unread, PageResponse.request(page, size, Inbox.NEWEST_FIRST)),
                NotificationView::of);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of your notifications read; another member's is not found")
    NotificationView read(Caller caller, @PathVariable String id) {
        return NotificationView.of(inbox.markRead(caller.memberId(), id));
    }

    @PostMapping("/read-all")
    @Operation(summary = "Mark all your notifications read")
    MarkedRead readAll(Caller caller) {
        return new MarkedRead(inbox.markAllRead(caller.memberId()));
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of your notifications are unread")
    UnreadCount unreadCount(Caller caller) {
        return new UnreadCount(inbox.unreadCount(caller.memberId()));
    }

    /** @param marked how many notifications were unread and are read now */
    record MarkedRead(long marked) {
    }

    record UnreadCount(long unread) {
    }
}
