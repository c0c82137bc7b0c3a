package org.netzerocities.campaign.campaign;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;

/**
 * A channel's content calendar as RFC 5545 iCalendar (biweekly): one VEVENT per approved post, at the time it was
 * published or, until then, is scheduled for. Each keeps its UID ({@code <postId>@netzerocities.eu}), so calendar
 * apps move the entry they have when a post is rescheduled or published.
 */
final class ContentCalendar {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    static final String UID_DOMAIN = "@netzerocities.eu";
    /** How long an entry lasts in a calendar app: a post is a moment, shown as a short slot. */
    static final Duration SLOT = Duration.ofMinutes(15);
    private static final int SUMMARY_LENGTH = 60;
    private static final String PRODUCT_ID = "-//NetZeroCities//Content calendar//EN";

    private ContentCalendar() {
    }

    static String write(String name, List<PostView> posts) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setName(name);
        for (PostView post : posts) {
            PostView.Publication publication = post.publication();
            var at = publication != null && publication.publishedAt() != null ? publication.publishedAt()
                    : post.scheduledAt();
            VEvent entry = new VEvent();
            entry.setUid(post.id() + UID_DOMAIN);
            entry.setDateTimeStamp(Date.from(post.updatedAt()));
            entry.setLastModified(Date.from(post.updatedAt()));
            entry.setDateStart(Date.from(at), true);
            entry.setDateEnd(Date.from(at.plus(SLOT)), true);
            entry.setSummary(summary(post));
            entry.setDescription(post.caption());
            String status = status(post);
            entry.setStatus("CANCELLED".equals(status) ? Status.cancelled()
                    : "PUBLISHED".equals(status) ? Status.confirmed() : Status.tentative());
            if (publication != null && publication.permalink() != null) {
                entry.setUrl(publication.permalink());
            }
            entry.setExperimentalProperty("X-NZC-POST-STATUS", status);
            calendar.addEvent(entry);
        }
        return Biweekly.write(calendar).go();
    }

    /** Publishing's status once the post is handed over, the workflow's before. */
    static String status(PostView post) {
        return post.publication() != null ? post.publication().status() : post.status();
    }

    private static String summary(PostView post) {
        String firstLine = post.caption().lines().findFirst().orElse("").strip();
        String text = firstLine.length() > SUMMARY_LENGTH ? firstLine.substring(0, SUMMARY_LENGTH) + "…" : firstLine;
        return "[" + status(post) + "] " + (text.isEmpty() ? "Post " + post.id() : text);
    }
}
