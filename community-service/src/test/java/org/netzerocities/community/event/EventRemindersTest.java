package org.netzerocities.community.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Reminders from two instances' jobs at once: one claim, one reminder per confirmed registrant on the topic. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EventRemindersTest {

    @Autowired
    MockMvc http;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    CommunityEvents calendar;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventFactory events;
    @Autowired
    OutboxRelay relay;
    @Autowired
    Clock clock;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void twoInstancesRemindEachConfirmedRegistrantExactlyOnce() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Athens")).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        String body = """
                {"title":"Climate walk","format":"ONLINE","city":"kalamata","onlineUrl":"https://meet.example.org/w",
                 "startsAt":"%s","endsAt":"%s","timeZone":"Europe/Athens","capacity":3,"language":"el"}"""
                .formatted(start, start.plusHours(1));
        String id = JsonPath.read(http.perform(post("/api/community/events")
                .header("Authorization", "Bearer " + token(EventFlowTest.role(GlobalRole.ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
        List<String> registrants = IntStream.range(0, 4).mapToObj(i -> EventFlowTest.member().memberId()).toList();
        registrants.forEach(m -> calendar.register(id, m));
        List<EventReminders> instances = List.of(
                new EventReminders(mongo, events, relay, clock, Duration.ofHours(24)),
                new EventReminders(mongo, events, relay, clock, Duration.ofHours(24)));

        // the instances race in rounds: a look claims at most a batch of due events, and the shared test database
        // may hold more of other tests' events due earlier, which the first rounds take
        for (int round = 0; round < 20 && calendar.get(id).remindersSentAt() == null; round++) {
            var go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> runs = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return instances.get(i % 2).sendDue();
                }
                catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
            })).toList();
            go.countDown();
            runs.forEach(CompletableFuture::join);
        }

        assertThat(calendar.get(id).remindersSentAt()).isNotNull();
        List<String> reminded = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_EVENTS_TOPIC, r -> id.equals(r.key())
                        && EventCatalog.EVENT_REMINDER_DUE.type().equals(TopicReader.header(r, "ce_type")),
                4, Duration.ofSeconds(10)).stream().map(r -> JsonPath.<String>read(r.value(), "$.memberId")).toList();
        assertThat(reminded).containsExactlyInAnyOrderElementsOf(registrants.subList(0, 3));
        Instant sentAt = calendar.get(id).remindersSentAt();
        instances.forEach(EventReminders::sendDue);
        assertThat(calendar.get(id).remindersSentAt()).as("claimed once, never again").isEqualTo(sentAt);
    }

    @Test
    void anEventStartingLaterThanTheLeadIsNotRemindedYet() throws Exception {
        LocalDateTime start = LocalDateTime.now(ZoneId.of("Europe/Athens")).plusDays(3).truncatedTo(ChronoUnit.MINUTES);
        String id = JsonPath.read(http.perform(post("/api/community/events")
                .header("Authorization", "Bearer " + token(EventFlowTest.role(GlobalRole.ADMIN)))
                .contentType(MediaType.APPLICATION_JSON).content("""
                {"title":"Later walk","format":"ONLINE","city":"kalamata","onlineUrl":"https://meet.example.org/w",
                 "startsAt":"%s","endsAt":"%s","timeZone":"Europe/Athens","capacity":3,"language":"el"}"""
                        .formatted(start, start.plusHours(1)))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");

        new EventReminders(mongo, events, relay, clock, Duration.ofHours(24)).sendDue();

        assertThat(calendar.get(id).remindersSentAt()).isNull();
    }

    private String token(Caller caller) {
        return tokens.issue(caller, "Tester", null).accessToken();
    }
}
