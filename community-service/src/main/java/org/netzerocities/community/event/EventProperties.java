package org.netzerocities.community.event;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.community.events.*}: the event calendar's settings.
 *
 * @param reminderLead         how long before an event's start its confirmed registrants are reminded
 * @param reminderScanInterval how often an instance looks for events whose reminders are due; each look is one
 *                             query over the upcoming events not reminded yet
 * @param feedKey              the secret private calendar-feed tokens are derived with (base64, at least 32
 *                             bytes); when blank, one is generated once and kept in the database
 */
@ConfigurationProperties("nzc.community.events")
record EventProperties(@DefaultValue("PT24H") Duration reminderLead,
        @DefaultValue("PT5M") Duration reminderScanInterval, String feedKey) {
}
