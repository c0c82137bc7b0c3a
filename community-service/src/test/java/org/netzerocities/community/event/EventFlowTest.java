package org.netzerocities.community.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityGrant;
import org.netzerocities.support.caller.CityRole;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import biweekly.Biweekly;
import biweekly.ICalendar;

/** The event calendar through the API, against the real broker and database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EventFlowTest {

    static final String CITY = "kranj";

    @Autowired
    MockMvc http;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    CommunityEvents calendar;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void onlyFrontrunnersAndTheTransitionTeamOfTheCityFacilitatorsAndAdminsScheduleEvents() throws Exception {
        for (Caller refused : List.of(member(), frontrunner("velenje"), teamOf("velenje"))) {
            schedule(token(refused), event(CITY, 10)).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        for (Caller allowed : List.of(frontrunner(CITY), teamOf(CITY), role(GlobalRole.FACILITATOR),
                role(GlobalRole.ADMIN))) {
            schedule(token(allowed), event(CITY, 10)).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.organiserId").value(allowed.memberId()))
                    .andExpect(jsonPath("$.status").value("SCHEDULED"))
                    .andExpect(jsonPath("$.timeZone").value("Europe/Ljubljana"))
                    .andExpect(jsonPath("$.startsAt").value(org.hamcrest.Matchers.endsWith("T18:00:00+02:00")));
        }
        http.perform(post("/api/community/events").contentType(MediaType.APPLICATION_JSON).content(event(CITY, 1)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void onlyTheOrganiserOrAnAdminUpdatesOrCancelsAndUpdatesRaiseTheSequence() throws Exception {
        Caller organiser = frontrunner(CITY);
        String id = scheduled(organiser, 10);
        for (Caller other : List.of(member(), frontrunner(CITY), teamOf(CITY))) {
            update(token(other), id, "{\"title\":\"Hijacked\"}").andExpect(status().isForbidden());
            cancel(token(other), id).andExpect(status().isForbidden());
        }

        update(token(organiser), id, "{\"title\":\"Repair café, new room\",\"capacity\":12}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.sequence").value(1))
                .andExpect(jsonPath("$.capacity").value(12));
        update(token(role(GlobalRole.ADMIN)), id, "{\"startsAt\":\"" + start(10).withHour(17) + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sequence").value(2));
        cancel(token(organiser), id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"))
                .andExpect(jsonPath("$.sequence").value(3));
        update(token(organiser), id, "{\"title\":\"Back\"}").andExpect(status().isConflict());
        register(token(member()), id).andExpect(status().isConflict());
    }

    @Test
    void aFullEventWaitlistsAndAWithdrawalPromotesTheFirstWaitingAllAnnouncedOnTheTopic() throws Exception {
        String id = scheduled(frontrunner(CITY), 1);
        Caller first = member();
        Caller second = member();
        Caller third = member();

        register(token(first), id).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        register(token(first), id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        register(token(second), id).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITLISTED")).andExpect(jsonPath("$.waitlistPosition").value(1));
        register(token(third), id).andExpect(jsonPath("$.waitlistPosition").value(2));

        http.perform(delete("/api/community/events/{id}/registrations/me", id).header("Authorization",
                "Bearer " + token(first))).andExpect(status().isNoContent());
        http.perform(get("/api/community/events/{id}/registrations/me", id).header("Authorization",
                "Bearer " + token(second))).andExpect(jsonPath("$.status").value("CONFIRMED"));
        http.perform(get("/api/community/events/{id}/registrations/me", id).header("Authorization",
                "Bearer " + token(first))).andExpect(status().isNotFound());
        http.perform(get("/api/community/events/{id}/registrations", id).header("Authorization",
                "Bearer " + token(second))).andExpect(status().isForbidden());

        List<String> changes = published(id, 6).stream()
                .filter(r -> EventCatalog.EVENT_REGISTRATION_CHANGED.type().equals(TopicReader.header(r, "ce_type")))
                .map(r -> JsonPath.<String>read(r.value(), "$.memberId") + ":" + JsonPath.read(r.value(), "$.status"))
                .toList();
        assertThat(changes).containsExactly(first.memberId() + ":CONFIRMED", second.memberId() + ":WAITLISTED",
                third.memberId() + ":WAITLISTED", first.memberId() + ":CANCELLED", second.memberId() + ":PROMOTED");
    }

    /** As registrations on two instances would race: 20 members for 5 seats, then withdrawals promote in order. */
    @Test
    void ofTwentyConcurrentRegistrantsForFiveSeatsExactlyFiveGetOneAndWithdrawalsPromoteInWaitlistOrder()
            throws Exception {
        String id = scheduled(frontrunner(CITY), 5);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            members.add(UUID.randomUUID().toString());
        }
        var start = new CountDownLatch(1);
        List<CompletableFuture<String>> attempts = members.stream().map(m -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return calendar.register(id, m).registration().status();
            }
            catch (InterruptedException ex) {
                throw new IllegalStateException(ex);
            }
        }, java.util.concurrent.Executors.newCachedThreadPool())).toList();
        start.countDown();

        List<String> outcomes = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(5);
        assertThat(outcomes).filteredOn("WAITLISTED"::equals).hasSize(15);
        CommunityEvent event = calendar.get(id);
        assertThat(event.freeSeats()).isZero();
        assertThat(event.waitlisted()).isEqualTo(15);
        List<String> waiting = event.registrations().stream().filter(r -> !r.isConfirmed())
                .map(Registration::memberId).toList();
        List<String> seated = event.registrations().stream().filter(Registration::isConfirmed)
                .map(Registration::memberId).toList();

        List<CompletableFuture<Void>> withdrawals = seated.stream()
                .map(m -> CompletableFuture.runAsync(() -> calendar.withdraw(id, m))).toList();
        withdrawals.forEach(CompletableFuture::join);

        CommunityEvent after = calendar.get(id);
        assertThat(after.registrations().stream().filter(Registration::isConfirmed).map(Registration::memberId))
                .containsExactlyElementsOf(waiting.subList(0, 5));
        assertThat(after.waitlistPosition(waiting.get(5))).contains(1);
        List<String> promoted = published(id, 20 + 5 + 5 + 1).stream()
                .map(ConsumerRecord::value).filter(v -> v.contains("\"status\":\"PROMOTED\""))
                .map(v -> JsonPath.<String>read(v, "$.memberId")).toList();
        assertThat(promoted).containsExactlyElementsOf(waiting.subList(0, 5));
    }

    @Test
    void theCityFeedIsPublicAndAMembersFeedIsBehindARevocableSecretUrl() throws Exception {
        Caller organiser = frontrunner(CITY);
        String id = scheduled(organiser, 1);
        Caller attendee = member();
        register(token(attendee), id);
        update(token(organiser), id, "{\"title\":\"Renamed\"}").andExpect(status().isOk());

        String cityFeed = http.perform(get("/api/community/events/calendar.ics").param("city", CITY))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andReturn().getResponse().getContentAsString();
        ICalendar parsed = Biweekly.parse(cityFeed).first();
        assertThat(parsed.getEvents()).filteredOn(e -> e.getUid().getValue().equals(id + "@netzerocities.eu"))
                .singleElement().satisfies(e -> assertThat(e.getSequence().getValue()).isEqualTo(1));

        String url = JsonPath.read(http.perform(get("/api/community/members/me/calendar-feed")
                .header("Authorization", "Bearer " + token(attendee))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.url");
        assertThat(url).matches("http://localhost/api/community/calendar-feeds/[A-Za-z0-9_-]{43}\\.ics");
        String path = url.substring("http://localhost".length());
        assertThat(JsonPath.<String>read(http.perform(get("/api/community/members/me/calendar-feed")
                .header("Authorization", "Bearer " + token(attendee))).andReturn().getResponse()
                .getContentAsString(), "$.url")).isEqualTo(url);
        String mine = http.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(Biweekly.parse(mine).first().getEvents()).extracting(e -> e.getUid().getValue())
                .containsExactly(id + "@netzerocities.eu");

        String rotated = JsonPath.read(http.perform(post("/api/community/members/me/calendar-feed/rotation")
                .header("Authorization", "Bearer " + token(attendee))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(), "$.url");
        assertThat(rotated).isNotEqualTo(url);
        http.perform(get(path)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get(rotated.substring("http://localhost".length()))).andExpect(status().isOk());
    }

    @Test
    void listingFiltersByCityTopicLanguageAndDatesSoonestFirst() throws Exception {
        Caller organiser = role(GlobalRole.ADMIN);
        String later = scheduled(organiser, 3, "velenje", 20);
        String sooner = scheduled(organiser, 3, "velenje", 5);
        String reader = token(member());

        http.perform(get("/api/community/events").param("city", "velenje").param("topic", "repair")
                .param("language", "sl").header("Authorization", "Bearer " + reader))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.containsInRelativeOrder(sooner, later)));
        http.perform(get("/api/community/events").param("city", "velenje")
                .param("to", start(6).toLocalDate().toString())
                .header("Authorization", "Bearer " + reader))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.hasItem(sooner)))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(later))));
        http.perform(get("/api/community/events").param("from", "yesterday").header("Authorization", "Bearer " + reader))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anEventOrganisedForAGroupNeedsAnExistingGroupTheOrganiserBelongsTo() throws Exception {
        var api = new org.netzerocities.community.CommunityApi(http);
        var founder = api.register("Founder", CITY);
        String group = JsonPath.read(http.perform(post("/api/community/groups")
                .header("Authorization", "Bearer " + founder.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"CITY\",\"city\":\"" + CITY + "\",\"name\":\"Kranj repairers\","
                        + "\"visibility\":\"PUBLIC\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String forGroup = event(CITY, 10).replace("\"capacity\"", "\"groupId\":\"" + group + "\",\"capacity\"");

        schedule(token(frontrunner(CITY)), forGroup).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        schedule(token(frontrunner(CITY)), forGroup.replace(group, "no-such-group"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        Caller founderAsFrontrunner = new Caller(founder.id(), Set.of(GlobalRole.MEMBER),
                Set.of(new CityGrant(CityRole.FRONTRUNNER, CITY)));
        schedule(token(founderAsFrontrunner), forGroup).andExpect(status().isCreated())
                .andExpect(jsonPath("$.groupId").value(group));
    }

    private List<ConsumerRecord<String, String>> published(String eventId, int expected) {
        return TopicReader.read(String.join(",", kafka.getBootstrapServers()), EventCatalog.COMMUNITY_EVENTS_TOPIC,
                r -> eventId.equals(r.key()), expected, Duration.ofSeconds(20));
    }

    String scheduled(Caller organiser, int capacity) throws Exception {
        return scheduled(organiser, capacity, CITY, 10);
    }

    String scheduled(Caller organiser, int capacity, String city, int inDays) throws Exception {
        return JsonPath.read(schedule(token(organiser), event(city, capacity, inDays)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    static String event(String city, int capacity) {
        return event(city, capacity, 10);
    }

    /** A start in Ljubljana's summer time whatever the day the test runs (July next year). */
    static LocalDateTime start(int inDays) {
        return LocalDateTime.now(ZoneId.of("Europe/Ljubljana")).plusYears(1).withMonth(7).withDayOfMonth(1)
                .plusDays(inDays).withHour(18).truncatedTo(ChronoUnit.HOURS);
    }

    static String event(String city, int capacity, int inDays) {
        LocalDateTime start = start(inDays);
        return """
                {"title":"Repair café","description":"Bring what is broken","format":"IN_PERSON","city":"%s",
                 "address":"Prešernov trg 1","startsAt":"%s","endsAt":"%s","timeZone":"Europe/Ljubljana",
                 "capacity":%d,"language":"sl","topics":["repair","circular-economy"]}"""
                .formatted(city, start, start.plusHours(2), capacity);
    }

    ResultActions schedule(String token, String body) throws Exception {
        return http.perform(post("/api/community/events").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions update(String token, String id, String body) throws Exception {
        return http.perform(patch("/api/community/events/{id}", id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    ResultActions cancel(String token, String id) throws Exception {
        return http.perform(post("/api/community/events/{id}/cancellation", id).header("Authorization",
                "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"Venue closed\"}"));
    }

    ResultActions register(String token, String id) throws Exception {
        return http.perform(post("/api/community/events/{id}/registrations", id).header("Authorization",
                "Bearer " + token));
    }

    static Caller member() {
        return new Caller(UUID.randomUUID().toString(), Set.of(GlobalRole.MEMBER), Set.of());
    }

    static Caller frontrunner(String city) {
        return new Caller(UUID.randomUUID().toString(), Set.of(GlobalRole.MEMBER),
                Set.of(new CityGrant(CityRole.FRONTRUNNER, city)));
    }

    static Caller teamOf(String city) {
        return new Caller(UUID.randomUUID().toString(), Set.of(GlobalRole.MEMBER),
                Set.of(new CityGrant(CityRole.TRANSITION_TEAM, city)));
    }

    static Caller role(GlobalRole role) {
        return new Caller(UUID.randomUUID().toString(), Set.of(GlobalRole.MEMBER, role), Set.of());
    }

    String token(Caller caller) {
        return tokens.issue(caller, "Tester", null).accessToken();
    }
}
