package org.netzerocities.notification.export;

import java.util.List;

import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.inbox.Inbox;
import org.netzerocities.notification.inbox.NotificationView;
import org.netzerocities.support.caller.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Data export", description = "What notification-service holds on the calling member")
class MemberDataController {

    private final MemberContactRepository contacts;
    private final Inbox inbox;

    MemberDataController(MemberContactRepository contacts, Inbox inbox) {
        this.contacts = contacts;
        this.inbox = inbox;
    }

    @GetMapping("/api/notifications/me/export")
    @Operation(summary = "Everything notification-service holds on the calling member, for their data export: "
            + "how it reaches them (contact, profile, city roles; null when nothing is held) and their whole inbox")
    NotificationExport export(Caller caller) {
        return new NotificationExport(caller.memberId(), contacts.findById(caller.memberId()).orElse(null),
                inbox.export(caller.memberId()));
    }

    /** What notification-service holds on a member; the portal assembles it with the other services' exports. */
    record NotificationExport(String memberId, MemberContact contact, List<NotificationView> notifications) {
    }
}
