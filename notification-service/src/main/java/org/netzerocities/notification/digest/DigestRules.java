package org.netzerocities.notification.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;

/**
 * Whether a member gets their digest now, and what it holds. A member is due once their local time has passed
 * {@code sendAt} on a day they had no digest yet (read on their own calendar, so it follows their time zone and
 * its DST changes). The digest lists their unread pending notifications newest first, at most {@code maxEntries}
 * (the count of all is in its {@code count} param, the rest is in the inbox); read ones are skipped; a member with
 * nothing unread gets no email, and that day's digest is over for them too, so a notification arriving later waits
 * for the next morning rather than making a second email that day. A member who wants no digest email (system
 * emails off) has everything skipped, each morning. The digest's id is the member's and the local date's, so sending
 * it again after a crash is the same email.
 */
record DigestRules(LocalTime sendAt, int maxEntries) {

    /** The link of the digest email: the inbox. */
    static final String INBOX = "/notifications";

    /**
     * @param pending        the member's pending notifications, newest first
     * @param lastDigestDate the local date of their latest digest (sent or skipped), or null
     * @param wantsEmail     false when the member turned the digest email off
     * @return null when the member is not due
     */
    Decision decide(String memberId, List<PendingItem> pending, ZoneId zone, LocalDate lastDigestDate,
            boolean wantsEmail, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        if (local.toLocalTime().isBefore(sendAt) || (lastDigestDate != null && !lastDigestDate.isBefore(today))) {
            return null;
        }
        List<EmailRequest.DigestEntry> entries = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int unread = 0;
        for (PendingItem item : pending) {
            Kind kind = kindOf(item.kind());
            if (item.read() || kind == null || !wantsEmail) {
                skipped.add(item.id());
                continue;
            }
            unread++;
            sent.add(item.id());
            if (entries.size() < maxEntries) {
                entries.add(new EmailRequest.DigestEntry(item.id(), kind, item.title(), item.body(), item.link(),
                        item.createdAt()));
            }
        }
        EmailRequest email = entries.isEmpty() ? null
                : new EmailRequest(idFor(memberId, today), memberId, Kind.DIGEST,
                        Map.of("count", String.valueOf(unread), "date", today.toString()), INBOX, entries, now);
        return new Decision(today, email, sent, skipped);
    }

    static String idFor(String memberId, LocalDate localDate) {
        return "digest~" + memberId + "~" + localDate;
    }

    private static Kind kindOf(String name) {
        try {
            return name == null ? null : Kind.valueOf(name);
        }
        catch (IllegalArgumentException removed) {
            return null;
        }
    }

    /**
     * @param email   null when the digest is skipped (nothing unread)
     * @param sent    the notifications the email covers, to mark {@code SENT}
     * @param skipped the ones already read (or of a kind no longer known), to mark {@code SKIPPED}
     */
    record Decision(LocalDate localDate, EmailRequest email, List<String> sent, List<String> skipped) {
    }
}
