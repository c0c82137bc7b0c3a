package org.netzerocities.events.contract;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.netzerocities.events.contract.community.MemberJoined;

/**
 * Every event type and topic of the platform. A type published anywhere must be listed here, have a
 * JSON Schema under {@code schemas/} and an entry in {@code asyncapi.yaml}; {@code EventContractTest}
 * enforces all three.
 */
public final class EventCatalog {

    public static final String COMMUNITY_MEMBERS_TOPIC = "nzc.community.members.v1";
    public static final String COMMUNITY_MEMBER_CONTACTS_TOPIC = "nzc.community.member-contacts.v1";
    public static final String COMMUNITY_ACCOUNT_SECURITY_TOPIC = "nzc.community.account-security.v1";

    public static final EventType<MemberJoined> MEMBER_JOINED = new EventType<>(
            "org.netzerocities.community.member.joined.v1", COMMUNITY_MEMBERS_TOPIC, MemberJoined.class,
            "schemas/community/member-joined.v1.json");

    private static final List<EventType<?>> ALL = List.of(MEMBER_JOINED);

    /** Contact data and account-security links: no dead-letter copy, restricted by ACL in production. */
    private static final Set<String> INTERNAL_TOPICS = Set.of(COMMUNITY_MEMBER_CONTACTS_TOPIC,
            COMMUNITY_ACCOUNT_SECURITY_TOPIC);

    /** Latest value per key matters; a tombstone (null value) means "forget this key". */
    private static final Set<String> COMPACTED_TOPICS = Set.of(COMMUNITY_MEMBER_CONTACTS_TOPIC);

    /** Suffix of the dead-letter topic that receives a topic's poison messages. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    public static boolean isInternal(String topic) {
        return INTERNAL_TOPICS.contains(topic);
    }

    public static boolean isCompacted(String topic) {
        return COMPACTED_TOPICS.contains(topic);
    }

    /** The topics of all types and the internal topics, without duplicates. */
    public static List<String> topics() {
        return Stream.concat(ALL.stream().map(EventType::topic), INTERNAL_TOPICS.stream().sorted()).distinct()
                .toList();
    }

    /** Every topic plus the dead-letter topic of each non-internal one. */
    public static List<String> topicsWithDeadLetters() {
        return topics().stream()
                .flatMap(t -> isInternal(t) ? Stream.of(t) : Stream.of(t, t + DEAD_LETTER_SUFFIX))
                .toList();
    }
}
