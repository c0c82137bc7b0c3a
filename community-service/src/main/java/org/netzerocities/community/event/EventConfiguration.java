package org.netzerocities.community.event;

import java.time.Clock;
import java.util.LinkedHashMap;

import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.support.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The calendar's public feeds, its reminder job, and what it does with members' data. */
@Configuration(proxyBeanMethods = false)
class EventConfiguration {

    /** City feeds are public; a member's feed is opened by the secret token in its URL, since calendar apps send no bearer token. */
    @Bean
    PublicEndpoints calendarPublicEndpoints() {
        return PublicEndpoints.of(PublicEndpoints.get("/api/community/events/calendar.ics"),
                PublicEndpoints.get("/api/community/calendar-feeds/*"));
    }

    @Bean
    EventReminders eventReminders(MongoTemplate mongo, EventFactory events, OutboxRelay relay, Clock clock,
            EventProperties properties) {
        return new EventReminders(mongo, events, relay, clock, properties.reminderLead());
    }

    @Bean
    Periodic eventReminderScan(EventReminders reminders, EventProperties properties) {
        return new Periodic("event-reminders", properties.reminderScanInterval(), reminders::sendDue);
    }

    /** The member's registrations, the events they organise, and whether they have a private feed. */
    @Bean
    PersonalData eventsOfMember(CommunityEvents calendar, CalendarFeeds feeds) {
        return new PersonalData("events", memberId -> {
            var data = new LinkedHashMap<String, Object>(calendar.export(memberId));
            data.put("calendarFeedIssuedAt", feeds.issuedAt(memberId).orElse(null));
            return data;
        });
    }

    @Bean
    EventHandler<MemberErased> eventsOfErasedMember(CommunityEvents calendar, CalendarFeeds feeds) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> {
            feeds.forget(erased.memberId());
            calendar.forget(erased.memberId());
        });
    }
}
