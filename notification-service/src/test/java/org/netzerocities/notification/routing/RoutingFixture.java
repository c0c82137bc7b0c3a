package org.netzerocities.notification.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.notification.contact.Audiences;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContact.CityRole;
import org.netzerocities.notification.delivery.Deliveries;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import com.mongodb.client.MongoClients;

/**
 * Runs routing handlers on sample events (through JSON and the type's schema) with the real {@link Audiences} on the
 * embedded MongoDB-wire server and a {@link Deliveries} that records each call.
 */
abstract class RoutingFixture {

    static final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "routing-test");

    final Audiences audiences = new Audiences(mongo);
    final List<List<NotificationDraft>> calls = new ArrayList<>();
    final Notifier notifier = new Notifier(calls::add);

    RoutingFixture() {
        mongo.remove(new Query(), MemberContact.class);
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    /** A member of {@code city} as the projection holds them, with their interests, languages and city roles. */
    static String member(String city, List<String> interests, List<String> languages, CityRole... roles) {
        String id = id();
        mongo.insert(new MemberContact(id, null, null, null, null, "Member", city, languages, interests, true,
                List.of(roles)));
        return id;
    }

    static String member(String city) {
        return member(city, List.of(), List.of());
    }

    static String transitionTeam(String city) {
        return member(city, List.of(), List.of(), new CityRole(Audiences.TRANSITION_TEAM, city));
    }

    <T> IncomingEvent deliver(EventHandler<T> handler, T payload) {
        return HandlerHarness.deliver(handler, "key", payload);
    }

    /** Everything sent, by recipient. */
    Map<String, NotificationDraft> sent() {
        return calls.stream().flatMap(List::stream)
                .collect(Collectors.toMap(NotificationDraft::memberId, draft -> draft));
    }

    /** The recipients of each kind sent. */
    Map<Kind, List<String>> recipientsByKind() {
        return calls.stream().flatMap(List::stream).collect(Collectors.groupingBy(NotificationDraft::kind,
                Collectors.mapping(NotificationDraft::memberId, Collectors.toList())));
    }
}
