package org.netzerocities.notification.routing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.netzerocities.notification.delivery.Kind;

/**
 * One thing to tell some members about an event: its kind, the values of its texts, the portal path it leads to,
 * who is to be told and who must not be (the member who did it).
 */
record Notice(Kind kind, Collection<String> recipients, Map<String, String> params, String link, Set<String> notTo) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    Notice {
        recipients = recipients == null ? List.of() : recipients;
        params = Map.copyOf(params);
        notTo = Set.copyOf(notTo);
    }

    static Notice of(Kind kind, Collection<String> recipients, String link) {
        return new Notice(kind, recipients, Map.of(), link, Set.of());
    }

    static Notice to(Kind kind, String recipient, String link) {
        return of(kind, recipient == null ? List.of() : List.of(recipient), link);
    }

    /** The values of the texts' placeholders, as name/value pairs; a missing (null) value leaves its placeholder empty. */
    Notice with(Object... namesAndValues) {
        Map<String, String> all = new HashMap<>(params);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                all.put((String) namesAndValues[i], text(namesAndValues[i + 1]));
            }
        }
        return new Notice(kind, recipients, all, link, notTo);
    }

    /** Members who must not be told, because they did what it is about; null ids are ignored. */
    Notice notTo(String... actors) {
        return new Notice(kind, recipients, params, link, Stream.concat(notTo.stream(),
                Stream.of(actors).filter(Objects::nonNull)).collect(Collectors.toSet()));
    }

    Notice notTo(Collection<String> actors) {
        return notTo(actors == null ? new String[0] : actors.toArray(String[]::new));
    }

    /** A moment in a time zone, as members read it in any language: "2026-12-01 18:00 (Europe/Brussels)". */
    static String when(Instant instant, String timeZone) {
        if (instant == null) {
            return null;
        }
        ZoneId zone = zone(timeZone);
        return WHEN.format(instant.atZone(zone)) + (zone == ZoneOffset.UTC ? " UTC" : " (" + zone.getId() + ")");
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
        }
        catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    private static String text(Object value) {
        return value instanceof Instant instant ? when(instant, null) : value.toString();
    }
}
