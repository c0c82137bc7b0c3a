package org.netzerocities.community.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * What the calendar does with a member's data, against the real broker and database: their export, and what
 * {@code MemberErased} (consumed from the topic, as any erasure reaches the service) leaves of them.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EventErasureTest {

    private static final String CITY = "taurage";
    private static final String EXPORT = "/api/community/members/me/export";
    private static final ZoneId VILNIUS = ZoneId.of("Europe/Vilnius");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

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
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    @Test
    void anErasedMembersRegistrationsAreWithdrawnAndTheFirstWaitlistedMemberIsPromoted() throws Exception {
        String full = scheduled(EventFlowTest.frontrunner(CITY), 1);
        String waitedFor = scheduled(EventFlowTest.frontrunner(CITY), 1);
        Caller erased = EventFlowTest.member();
        Caller first = EventFlowTest.member();
        Caller second = EventFlowTest.member();
        register(erased, full).andExpect(jsonPath("$.status").value("CONFIRMED"));
        register(first, full).andExpect(jsonPath("$.waitlistPosition").value(1));
        register(second, full).andExpect(jsonPath("$.waitlistPosition").value(2));
        register(first, waitedFor).andExpect(jsonPath("$.status").value("CONFIRMED"));
        register(erased, waitedFor).andExpect(jsonPath("$.status").value("WAITLISTED"));

        erase(erased);

        await().atMost(PATIENCE).until(() -> calendar.get(full).registrationOf(erased.memberId()).isEmpty()
                && calendar.get(waitedFor).registrationOf(erased.memberId()).isEmpty());
        registrationOf(first, full).andExpect(jsonPath("$.status").value("CONFIRMED"));
        registrationOf(second, full).andExpect(jsonPath("$.waitlistPosition").value(1));
        assertThat(calendar.get(full).freeSeats()).isZero();
        assertThat(calendar.get(full).waitlisted()).isEqualTo(1);
        assertThat(calendar.get(waitedFor).waitlisted()).isZero();
        assertThat(calendar.registeredFor(erased.memberId())).isEmpty();
        assertThat(registrationChanges(full, 5)).containsExactly(erased.memberId() + ":CONFIRMED",
                first.memberId() + ":WAITLISTED", second.memberId() + ":WAITLISTED",
                erased.memberId() + ":CANCELLED", first.memberId() + ":PROMOTED");
    }

    @Test
    void anErasedMembersPrivateFeedUrlStopsWorking() throws Exception {
        String id = scheduled(EventFlowTest.frontrunner(CITY), 5);
        Caller erased = EventFlowTest.member();
        register(erased, id).andExpect(status().isCreated());
        String feed = feedPath(erased);
        http.perform(get(feed)).andExpect(status().isOk());

        erase(erased);

        await().atMost(PATIENCE).until(() -> calendar.get(id).registrationOf(erased.memberId()).isEmpty());
        http.perform(get(feed)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(mongo.findById(erased.memberId(), CalendarFeeds.Feed.class)).isNull();
    }

    @Test
    void eventsAnErasedMemberOrganisedLoseTheirOrganiserAndUpcomingOnesAreCancelled() throws Exception {
        Caller organiser = EventFlowTest.frontrunner(CITY);
        String upcoming = scheduled(organiser, 3);
        Caller attendee = EventFlowTest.member();
        register(attendee, upcoming).andExpect(status().isCreated());
        String past = pastEventOrganisedBy(organiser.memberId());

        erase(organiser);

        await().atMost(PATIENCE).until(() -> calendar.get(upcoming).organiserId() == null
                && calendar.get(past).organiserId() == null);
        http.perform(get("/api/community/events/{id}", upcoming).header("Authorization", "Bearer " + token(attendee)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.organiserId").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.cancellationReason").value("The organiser left the platform"));
        assertThat(calendar.get(past).status()).isEqualTo(CommunityEvent.Status.SCHEDULED);
        assertThat(calendar.get(past).sequence()).isZero();
        List<String> cancellations = published(upcoming, 4).stream()
                .filter(r -> EventCatalog.EVENT_CANCELLED.type().equals(TopicReader.header(r, "ce_type")))
                .map(ConsumerRecord::value).toList();
        assertThat(cancellations).singleElement().satisfies(cancelled -> {
            assertThat(JsonPath.<List<String>>read(cancelled, "$.registrantIds")).containsExactly(attendee.memberId());
            assertThat(cancelled).doesNotContain(organiser.memberId());
        });
    }

    @Test
    void theExportHoldsTheMembersRegistrationsOrganisedEventsAndFeedIssueTimeAndNothingOfOthers() throws Exception {
        Caller member = EventFlowTest.frontrunner(CITY);
        Caller other = EventFlowTest.frontrunner(CITY);
        String organised = scheduled(member, 1);
        String othersEvent = scheduled(other, 1);
        register(other, othersEvent).andExpect(jsonPath("$.status").value("CONFIRMED"));
        register(member, othersEvent).andExpect(jsonPath("$.status").value("WAITLISTED"));
        register(other, organised).andExpect(status().isCreated());
        Instant beforeFeed = Instant.now().minusSeconds(1);
        feedPath(member);

        String export = http.perform(get(EXPORT).header("Authorization", "Bearer " + token(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(member.memberId()))
                .andExpect(jsonPath("$.sections.events.registrations.length()").value(1))
                .andExpect(jsonPath("$.sections.events.registrations[0].eventId").value(othersEvent))
                .andExpect(jsonPath("$.sections.events.registrations[0].memberId").value(member.memberId()))
                .andExpect(jsonPath("$.sections.events.registrations[0].status").value("WAITLISTED"))
                .andExpect(jsonPath("$.sections.events.registrations[0].waitlistPosition").value(1))
                .andExpect(jsonPath("$.sections.events.organised.length()").value(1))
                .andExpect(jsonPath("$.sections.events.organised[0].id").value(organised))
                .andExpect(jsonPath("$.sections.events.organised[0].organiserId").value(member.memberId()))
                .andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(JsonPath.<String>read(export, "$.sections.events.calendarFeedIssuedAt")))
                .isBetween(beforeFeed, Instant.now());
        // the organiser sees their event, not who registered for it: that is the registrants' data
        assertThat(export).doesNotContain(other.memberId());

        http.perform(get(EXPORT).header("Authorization", "Bearer " + token(EventFlowTest.member())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.events.registrations").isEmpty())
                .andExpect(jsonPath("$.sections.events.organised").isEmpty())
                .andExpect(jsonPath("$.sections.events.calendarFeedIssuedAt").value(Matchers.nullValue()));
    }

    /** Published on the members topic, as community-service's erasure publishes it, and consumed from there. */
    private void erase(Caller member) {
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.MEMBER_ERASED, member.memberId(),
                new MemberErased(member.memberId(), CITY, Instant.now())));
    }

    /** An event held about a year ago, as if scheduled back then: the API refuses to schedule one in the past. */
    private String pastEventOrganisedBy(String organiserId) {
        Instant then = Instant.now().minus(Duration.ofDays(400));
        LocalDateTime start = then.plus(Duration.ofDays(30)).atZone(VILNIUS).toLocalDateTime().withNano(0);
        EventDetails details = new EventDetails("Past repair café", "Over", EventFormat.ONLINE, null,
                "https://meet.example.org/past", EventTimes.parse(start.toString(), start.plusHours(2).toString(),
                        VILNIUS.getId(), then), 10, "lt", List.of("repair"));
        return mongo.insert(CommunityEvent.schedule(UUID.randomUUID().toString(), CITY, details, organiserId, null,
                then, events)).id();
    }

    private String scheduled(Caller organiser, int capacity) throws Exception {
        return JsonPath.read(http.perform(post("/api/community/events").header("Authorization", "Bearer "
                + token(organiser)).contentType(MediaType.APPLICATION_JSON).content(EventFlowTest.event(CITY, capacity)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions register(Caller member, String id) throws Exception {
        return http.perform(post("/api/community/events/{id}/registrations", id).header("Authorization",
                "Bearer " + token(member)));
    }

    private ResultActions registrationOf(Caller member, String id) throws Exception {
        return http.perform(get("/api/community/events/{id}/registrations/me", id).header("Authorization",
                "Bearer " + token(member))).andExpect(status().isOk());
    }

    /** The path of the member's private feed URL, issued now. */
    private String feedPath(Caller member) throws Exception {
        String url = JsonPath.read(http.perform(get("/api/community/members/me/calendar-feed")
                .header("Authorization", "Bearer " + token(member))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.url");
        return url.substring("http://localhost".length());
    }

    private List<String> registrationChanges(String eventId, int expected) {
        return published(eventId, expected + 1).stream()
                .filter(r -> EventCatalog.EVENT_REGISTRATION_CHANGED.type().equals(TopicReader.header(r, "ce_type")))
                .map(r -> JsonPath.<String>read(r.value(), "$.memberId") + ":" + JsonPath.read(r.value(), "$.status"))
                .toList();
    }

    private List<ConsumerRecord<String, String>> published(String eventId, int expected) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.COMMUNITY_EVENTS_TOPIC, r -> eventId.equals(r.key()), expected, PATIENCE);
    }

    private String token(Caller caller) {
        return tokens.issue(caller, "Tester", null).accessToken();
    }
}
