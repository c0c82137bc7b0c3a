package org.netzerocities.community.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.UtcOffset;

/**
 * Writes events as an RFC 5545 iCalendar feed with biweekly. Each event keeps its UID
 * ({@code <id>@netzerocities.eu}) and carries its sequence, so calendar apps update the entry they have; times
 * are local to the event's zone ({@code DTSTART;TZID=...}), each zone defined by a VTIMEZONE built from the JDK's
 * zone rules over the years the feed's events span.
 */
final class CalendarFeed {

    static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";
    static final String UID_DOMAIN = "@netzerocities.eu";
    /** Marks, in a member's own feed, an event they wait for a seat at. */
    static final String REGISTRATION_PROPERTY = "X-NZC-REGISTRATION";
    private static final String PRODUCT_ID = "-//NetZeroCities//Community calendar//EN";

    private CalendarFeed() {
    }

    /**
     * @param name         the calendar's name, shown by calendar apps
     * @param registration the member's registration status per event id in a member's feed; empty for a city feed
     */
    static String write(String name, Collection<CommunityEvent> events, Map<String, Registration.Status> registration) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setName(name);
        Map<String, TimezoneAssignment> zones = zones(events);
        for (CommunityEvent event : events) {
            VEvent entry = new VEvent();
            entry.setUid(event.id() + UID_DOMAIN);
            entry.setSequence(event.sequence());
            entry.setDateTimeStamp(Date.from(event.updatedAt()));
            entry.setCreated(Date.from(event.createdAt()));
            entry.setLastModified(Date.from(event.updatedAt()));
            Registration.Status status = registration.get(event.id());
            boolean waiting = status == Registration.Status.WAITLISTED;
            entry.setSummary(waiting ? "(waitlisted) " + event.title() : event.title());
            if (event.description() != null) {
                entry.setDescription(event.description());
            }
            entry.setDateStart(Date.from(event.startsAt()), true);
            entry.setDateEnd(Date.from(event.endsAt()), true);
            TimezoneAssignment zone = zones.get(event.times().zone().getId());
            calendar.getTimezoneInfo().setTimezone(entry.getDateStart(), zone);
            calendar.getTimezoneInfo().setTimezone(entry.getDateEnd(), zone);
            entry.setStatus(event.status() == CommunityEvent.Status.CANCELLED ? Status.cancelled() : Status.confirmed());
            if (event.address() != null) {
                entry.setLocation(event.address());
            }
            if (event.onlineUrl() != null) {
                entry.setUrl(event.onlineUrl());
            }
            if (!event.topics().isEmpty()) {
                entry.addCategories(event.topics().toArray(String[]::new));
            }
            if (status != null) {
                entry.setExperimentalProperty(REGISTRATION_PROPERTY, status.name());
            }
            calendar.addEvent(entry);
        }
        return Biweekly.write(calendar).go();
    }

    /** One VTIMEZONE per zone, covering a year either side of that zone's events. */
    private static Map<String, TimezoneAssignment> zones(Collection<CommunityEvent> events) {
        Map<String, TimezoneAssignment> zones = new LinkedHashMap<>();
        events.stream().map(CommunityEvent::times).collect(Collectors.groupingBy(
                times -> times.zone().getId(), LinkedHashMap::new, Collectors.toList()))
                .forEach((id, times) -> zones.put(id, new TimezoneAssignment(TimeZone.getTimeZone(id),
                        vtimezone(ZoneId.of(id),
                                times.stream().map(EventTimes::startsAt).min(Comparator.naturalOrder()).orElseThrow(),
                                times.stream().map(EventTimes::endsAt).max(Comparator.naturalOrder()).orElseThrow()))));
        return zones;
    }

    /**
     * The zone's offsets from a year before {@code from} to a year after {@code to}: the offset in force then as
     * the first observance, and each transition in between as its own STANDARD or DAYLIGHT observance.
     */
    static VTimezone vtimezone(ZoneId zone, Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        Instant start = from.minus(Duration.ofDays(366));
        Instant end = to.plus(Duration.ofDays(366));
        VTimezone component = new VTimezone(zone.getId());
        ZoneOffset initial = rules.getOffset(start);
        add(component, rules.isDaylightSavings(start), LocalDateTime.ofInstant(start, initial).withNano(0), initial,
                initial);
        ZoneOffsetTransition transition = rules.nextTransition(start);
        while (transition != null && transition.getInstant().isBefore(end)) {
            add(component, rules.isDaylightSavings(transition.getInstant()), transition.getDateTimeBefore(),
                    transition.getOffsetBefore(), transition.getOffsetAfter());
            transition = rules.nextTransition(transition.getInstant());
        }
        return component;
    }

    private static void add(VTimezone component, boolean daylight, LocalDateTime localStart, ZoneOffset before,
            ZoneOffset after) {
        Observance observance = daylight ? new DaylightSavingsTime() : new StandardTime();
        observance.setDateStart(new DateTimeComponents(localStart.getYear(), localStart.getMonthValue(),
                localStart.getDayOfMonth(), localStart.getHour(), localStart.getMinute(), localStart.getSecond(), false));
        observance.setTimezoneOffsetFrom(offset(before));
        observance.setTimezoneOffsetTo(offset(after));
        if (daylight) {
            component.addDaylightSavingsTime((DaylightSavingsTime) observance);
        }
        else {
            component.addStandardTime((StandardTime) observance);
        }
    }

    private static UtcOffset offset(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
