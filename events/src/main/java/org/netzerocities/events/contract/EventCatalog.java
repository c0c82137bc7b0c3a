package org.netzerocities.events.contract;

import java.util.List;
import java.util.stream.Stream;

import org.netzerocities.events.contract.community.MemberJoined;

/**
 * Every event type and topic of the platform. A type published anywhere must be listed here, have a
 * JSON Schema under {@code schemas/} and an entry in {@code asyncapi.yaml}; {@code EventContractTest}
 * enforces all three.
 */
public final class EventCatalog {

    public static final String COMMUNITY_MEMBERS_TOPIC = "nzc.community.members.v1";

    public static final EventType<MemberJoined> MEMBER_JOINED = new EventType<>(
            "org.netzerocities.community.member.joined.v1", COMMUNITY_MEMBERS_TOPIC, MemberJoined.class,
            "schemas/community/member-joined.v1.json");

    private static final List<EventType<?>> ALL = List.of(MEMBER_JOINED);

    /** Suffix of the dead-letter topic that receives a topic's poison messages. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private EventCatalog() {
    }

    public static List<EventType<?>> all() {
        return ALL;
    }

    /** The topics of all types, without duplicates. */
    public static List<String> topics() {
        return ALL.stream().map(EventType::topic).distinct().toList();
    }

    public static List<String> topicsWithDeadLetters() {
        return topics().stream().flatMap(t -> Stream.of(t, t + DEAD_LETTER_SUFFIX)).toList();
    }
}
