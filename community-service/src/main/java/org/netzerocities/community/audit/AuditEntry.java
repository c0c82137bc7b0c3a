package org.netzerocities.community.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the audit log: who did what to whom, when and why. Derived from the event that announced the act,
 * whose id it takes, so that a redelivered event adds nothing.
 *
 * @param id      the id of the event the entry was derived from
 * @param at      when it happened (the event's time)
 * @param actor   the member id of the admin or moderator who acted; {@code null} when no one did (a version seeded
 *                at start-up, a city role that ended with a move) or the event does not say
 * @param subject whom or what it was done to: a member id, or {@code manifesto/<version>}, {@code terms/<version>}
 * @param reason  as given by the actor, or {@code null}
 * @param details the rest, by name: role and city, post and thread ids
 */
@Document(AuditEntry.COLLECTION)
@CompoundIndex(name = "action_at", def = "{'action': 1, 'at': -1}")
@CompoundIndex(name = "actor_at", def = "{'actor': 1, 'at': -1}")
@CompoundIndex(name = "subject_at", def = "{'subject': 1, 'at': -1}")
public record AuditEntry(@Id String id, @Indexed(name = "at") Instant at, AuditAction action, String actor,
        String subject, String reason, Map<String, String> details) {

    public static final String COLLECTION = "audit_log";
    static final String AT = "at";

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
