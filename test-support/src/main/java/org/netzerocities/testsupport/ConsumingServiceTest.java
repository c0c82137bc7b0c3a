package org.netzerocities.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.MemberReinstated;
import org.netzerocities.events.contract.community.MemberSuspended;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A Spring Boot test of a service that consumes the platform's events from the real broker and serves members over
 * HTTP: the beans such a test drives it with, and the steps of the erasure and the suspension every service keeps.
 * The test class itself declares its {@code @SpringBootTest}, {@code @AutoConfigureMockMvc} and infrastructure.
 */
public abstract class ConsumingServiceTest {

    /** How long an event may take from the broker to what the service holds. */
    protected static final Duration CONSUMED_WITHIN = Duration.ofSeconds(20);

    @Autowired
    protected MockMvc http;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected MeterRegistry meters;

    /** Publishes {@code event} and waits for the broker's acknowledgement. */
    protected void send(PendingEvent event) {
        TestEvents.publish(kafka, codec, event);
    }

    /** Publishes the MemberJoined of a member of {@code city}; returns it, to be redelivered. */
    protected Joined join(String memberId, String city, String... languages) {
        PendingEvent joined = TestEvents.memberJoined(codec, memberId, city, List.of(languages));
        send(joined);
        return new Joined(memberId, city, joined);
    }

    /** Publishes the member's erasure, as community-service does. */
    protected void erase(String memberId, String city) {
        send(TestEvents.event(codec, EventCatalog.MEMBER_ERASED, memberId,
                new MemberErased(memberId, city, Instant.now())));
    }

    /** Publishes the member's suspension, as community-service does. */
    protected void suspend(String memberId) {
        send(TestEvents.event(codec, EventCatalog.MEMBER_SUSPENDED, memberId,
                new MemberSuspended(memberId, Instant.now())));
    }

    /** Publishes the member's reinstatement, as community-service does. */
    protected void reinstate(String memberId) {
        send(TestEvents.event(codec, EventCatalog.MEMBER_REINSTATED, memberId,
                new MemberReinstated(memberId, Instant.now())));
    }

    /**
     * Suspends the member and checks that their token is refused at {@code route} within {@code within} (another
     * test context of the service may have consumed the event, this one then learns it at its next refresh), then
     * reinstates them and checks that the same token is accepted again.
     */
    protected void assertSuspensionRefusesUntilReinstated(String memberId, String route, Duration within)
            throws Exception {
        http.perform(get(route).with(asMember(memberId))).andExpect(status().isOk());

        suspend(memberId);
        await("the suspended member's token refused").atMost(within)
                .untilAsserted(() -> assertTokenRefused(memberId, route));

        reinstate(memberId);
        await("the reinstated member's token accepted").atMost(within)
                .untilAsserted(() -> http.perform(get(route).with(asMember(memberId))).andExpect(status().isOk()));
    }

    /**
     * Sends {@code event} again and waits until the service has counted it a duplicate: the processed-event marks
     * skipped it before any handler ran.
     */
    protected void redeliverUntilSkipped(PendingEvent event) {
        double before = duplicates(event.type());
        send(event);
        await("the redelivery counted a duplicate").atMost(CONSUMED_WITHIN)
                .until(() -> duplicates(event.type()) > before);
    }

    /**
     * Erases the member, whom the service holds, and checks that the service forgets them: {@code holdsAnythingOf}
     * turns false, their token is refused at {@code route} (at once, or within {@code refusedWithin} where another
     * test context of the service may have consumed the erasure), and a redelivery of their MemberJoined, skipped
     * as a duplicate, brings nothing back.
     */
    protected void assertErasureForgets(Joined member, Predicate<String> holdsAnythingOf, String route,
            Duration refusedWithin) throws Exception {
        String memberId = member.memberId();
        erase(memberId, member.city());

        await("the service forgets the erased member").atMost(CONSUMED_WITHIN)
                .until(() -> !holdsAnythingOf.test(memberId));
        if (refusedWithin.isZero()) {
            assertTokenRefused(memberId, route);
        } else {
            await().atMost(refusedWithin).untilAsserted(() -> assertTokenRefused(memberId, route));
        }

        redeliverUntilSkipped(member.event());
        assertThat(holdsAnythingOf.test(memberId)).as("what the service holds of the member").isFalse();
    }

    /** The member's otherwise valid token is refused at {@code route} with a problem. */
    protected void assertTokenRefused(String memberId, String route) throws Exception {
        http.perform(get(route).with(asMember(memberId)))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    /** A member whose MemberJoined was published. */
    protected record Joined(String memberId, String city, PendingEvent event) {
    }

    /** How many events of the type this service has skipped as duplicates. */
    protected double duplicates(String type) {
        Counter counter = meters.find("nzc.events.consumed").tag("type", type).tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }
}
