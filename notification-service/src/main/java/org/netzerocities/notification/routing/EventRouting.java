package org.netzerocities.notification.routing;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EventCancelled;
import org.netzerocities.events.contract.community.EventRegistrationChanged;
import org.netzerocities.events.contract.community.EventReminderDue;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.EventUpdated;
import org.netzerocities.notification.contact.Audiences;
import org.netzerocities.notification.delivery.Kind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who hears of the community calendar: the city's interested members, an event's registrants. */
@Configuration(proxyBeanMethods = false)
class EventRouting {

    /** The city's members interested in one of its topics (an opt-in kind); not its organiser. */
    @Bean
    EventHandler<EventScheduled> routeEventScheduled(Notifier notifier, Audiences audiences) {
        return EventHandler.idempotent(EventCatalog.EVENT_SCHEDULED, (scheduled, event) -> notifier.send(event,
                Notice.of(Kind.EVENT_SCHEDULED, audiences.ofCityInterestedIn(scheduled.city(), scheduled.topics()),
                        link(scheduled.eventId()))
                        .with("title", scheduled.title(), "startsAt",
                                Notice.when(scheduled.startsAt(), scheduled.timeZone()))
                        .notTo(scheduled.organiserId())));
    }

    @Bean
    EventHandler<EventUpdated> routeEventUpdated(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.EVENT_UPDATED, (updated, event) -> notifier.send(event,
                Notice.of(Kind.EVENT_UPDATED, updated.registrantIds(), link(updated.eventId()))
                        .with("title", updated.title(), "startsAt", Notice.when(updated.startsAt(), updated.timeZone()))
                        .notTo(updated.organiserId())));
    }

    @Bean
    EventHandler<EventCancelled> routeEventCancelled(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.EVENT_CANCELLED, (cancelled, event) -> notifier.send(event,
                Notice.of(Kind.EVENT_CANCELLED, cancelled.registrantIds(), link(cancelled.eventId()))
                        .with("title", cancelled.title(), "startsAt", cancelled.startsAt(),
                                "reason", cancelled.reason())));
    }

    @Bean
    EventHandler<EventRegistrationChanged> routeEventRegistrationChanged(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.EVENT_REGISTRATION_CHANGED, (changed, event) -> notifier.send(event,
                Notice.to(switch (String.valueOf(changed.status())) {
                    case "WAITLISTED" -> Kind.EVENT_REGISTRATION_WAITLISTED;
                    case "PROMOTED" -> Kind.EVENT_REGISTRATION_PROMOTED;
                    case "CANCELLED" -> Kind.EVENT_REGISTRATION_CANCELLED;
                    default -> Kind.EVENT_REGISTRATION_CONFIRMED;
                }, changed.memberId(), link(changed.eventId()))
                        .with("title", changed.title(), "startsAt", changed.startsAt())));
    }

    @Bean
    EventHandler<EventReminderDue> routeEventReminderDue(Notifier notifier) {
        return EventHandler.idempotent(EventCatalog.EVENT_REMINDER_DUE, (due, event) -> notifier.send(event,
                Notice.to(Kind.EVENT_REMINDER, due.memberId(), link(due.eventId()))
                        .with("title", due.title(), "startsAt", Notice.when(due.startsAt(), due.timeZone()))));
    }

    private static String link(String eventId) {
        return "/events/" + eventId;
    }
}
