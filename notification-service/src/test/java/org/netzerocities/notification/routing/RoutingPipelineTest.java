package org.netzerocities.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CallToActionLaunched;
import org.netzerocities.events.contract.community.MemberRoleGranted;
import org.netzerocities.events.contract.community.ThreadReplied;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.notification.contact.Audiences;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.Counter;

/** Platform events from the real broker through routing, the deliveries topic and the writer to members' inboxes. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class RoutingPipelineTest extends ConsumingServiceTest {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    MemberContactRepository contacts;

    @Test
    void theCitysTransitionTeamFindsTheNewMemberInTheirInboxAndTheNewcomerTheirWelcome() throws Exception {
        String city = "city-" + UUID.randomUUID();
        String team = UUID.randomUUID().toString();
        join(team, city, "fr");
        send(TestEvents.event(codec, EventCatalog.MEMBER_ROLE_GRANTED, team,
                new MemberRoleGranted(team, Audiences.TRANSITION_TEAM, city, "admin", Instant.now())));
        await().atMost(CONSUMED_WITHIN).until(() -> contacts.findById(team)
                .map(contact -> contact.cityRoles() != null && !contact.cityRoles().isEmpty()).orElse(false));
        String newcomer = UUID.randomUUID().toString();

        Joined joined = join(newcomer, city, "en");

        String teamsNotice = NotificationDraft.idFor(joined.event().eventId(), team);
        String welcome = NotificationDraft.idFor(joined.event().eventId(), newcomer);
        await().atMost(CONSUMED_WITHIN).until(() -> stored(teamsNotice) && stored(welcome));
        http.perform(get("/api/notifications").with(asMember(team)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].kind").value("NEW_MEMBER_IN_CITY"))
                .andExpect(jsonPath("$.items[0].link").value("/community/cities/" + city + "/dashboard"));
        http.perform(get("/api/notifications").with(asMember(newcomer)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].kind").value("WELCOME"));
    }

    @Test
    void aCityWideCallToActionReachesEachOfTheCitysMembersButNoErasedOneOnceEvenWhenReplayed() {
        String city = "city-" + UUID.randomUUID();
        List<String> members = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID().toString()).toList();
        members.forEach(member -> join(member, city, "de"));
        String elsewhere = UUID.randomUUID().toString();
        join(elsewhere, "other-" + city, "de");
        String erased = UUID.randomUUID().toString();
        join(erased, city, "de");
        await().atMost(CONSUMED_WITHIN).until(() -> contacts.existsById(erased));
        erase(erased, city);
        await().atMost(CONSUMED_WITHIN).until(() -> !contacts.existsById(erased) && mongo.count(
                Query.query(Criteria.where("city").is(city)), "member_contacts") == members.size());

        PendingEvent launched = TestEvents.event(codec, EventCatalog.CALL_TO_ACTION_LAUNCHED, "camp-1",
                new CallToActionLaunched("camp-1", "ref-1", "ch-1", city, "Car-free Sunday", Instant.now()));
        send(launched);
        await().atMost(CONSUMED_WITHIN).until(() -> fromEvent(launched) == members.size());

        // routing keeps no processed-event mark (it is idempotent by itself): a replay runs it again, and the
        // drafts' ids make that harmless
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(launched.source() + "|" + launched.eventId())),
                "processed_events")).isFalse();
        double handledBefore = handled(EventCatalog.CALL_TO_ACTION_LAUNCHED.type());
        send(launched);
        await().atMost(CONSUMED_WITHIN).until(() -> handled(EventCatalog.CALL_TO_ACTION_LAUNCHED.type()) > handledBefore);
        // each member's drafts are written in order: once a later one is stored, the replayed one was dealt with
        PendingEvent later = TestEvents.event(codec, EventCatalog.THREAD_REPLIED, "t-2", new ThreadReplied("t-2",
                "Car-free Sunday: volunteers", "g-1", "p-2", "someone-else", members));
        send(later);
        await().atMost(CONSUMED_WITHIN).until(() -> fromEvent(later) == members.size());
        assertThat(fromEvent(launched)).isEqualTo(members.size());
        assertThat(mongo.find(Query.query(Criteria.where("sourceEventId").is(launched.eventId())), Document.class,
                "notifications")).extracting(notification -> notification.getString("memberId"))
                .containsExactlyInAnyOrderElementsOf(members)
                .doesNotContain(elsewhere, erased);
    }

    @Test
    void aReplyReachesParticipantsWhoseContactHasNotArrivedYetInEnglish() throws Exception {
        String author = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        PendingEvent replied = TestEvents.event(codec, EventCatalog.THREAD_REPLIED, "t-1", new ThreadReplied("t-1",
                "Solar on school roofs", "g-1", "p-1", author, List.of(author, unknown)));

        send(replied);

        await().atMost(CONSUMED_WITHIN).until(() -> stored(NotificationDraft.idFor(replied.eventId(), unknown)));
        http.perform(get("/api/notifications").with(asMember(unknown)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("New reply in “Solar on school roofs”"))
                .andExpect(jsonPath("$.items[0].link").value("/community/threads/t-1?post=p-1"));
        assertThat(fromEvent(replied)).as("the author hears nothing of their own reply").isEqualTo(1);
    }

    private double handled(String type) {
        Counter counter = meters.find("nzc.events.consumed").tag("type", type).tag("outcome", "handled").counter();
        return counter == null ? 0 : counter.count();
    }

    private boolean stored(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), "notifications");
    }

    private long fromEvent(PendingEvent event) {
        return mongo.count(Query.query(Criteria.where("sourceEventId").is(event.eventId())), "notifications");
    }
}
