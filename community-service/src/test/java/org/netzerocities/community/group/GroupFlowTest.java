package org.netzerocities.community.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.learning.CohortStarted;
import org.netzerocities.events.contract.learning.CohortUpdated;
import org.netzerocities.events.contract.learning.LearnerEnrolled;
import org.netzerocities.events.contract.learning.LearnerWithdrawn;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Groups through the API and learning's cohort events, against the real broker and database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class GroupFlowTest {

    /** No other test uses these cities, so listings by city see this test's groups only. */
    private static final String CITY = "kranj";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    EventCodec codec;
    @Autowired
    GroupAccess access;
    @Autowired
    CohortGroups cohorts;

    @Test
    void aPrivateGroupTakesMembersThroughRequestsItsModeratorsApproveAndAnnouncesEachStep() throws Exception {
        Registered creator = api().register("Creator", CITY);
        Registered asker = api().register("Asker", CITY);
        String id = create(creator, "{\"kind\":\"CITY\",\"name\":\"Kranj heat\",\"visibility\":\"PRIVATE\","
                + "\"city\":\"kranj\",\"description\":\"District heating\\nneighbours\"}")
                .andExpect(jsonPath("$.moderatorIds").value(Matchers.contains(creator.id())))
                .andExpect(jsonPath("$.memberCount").value(1))
                .andExpect(jsonPath("$.membership").value("MEMBER"))
                .andExpect(jsonPath("$.moderator").value(true))
                .andReturn().getResponse().getContentAsString().transform(body -> JsonPath.read(body, "$.id"));

        join(asker, id).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"));
        join(asker, id).andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"));
        http.perform(get("/api/community/groups/{id}", id).with(bearer(asker.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.membership").value("PENDING"))
                .andExpect(jsonPath("$.memberCount").value(1));
        members(asker, id).andExpect(status().isForbidden()).andExpect(problem());
        assertThatThrownBy(() -> access.readable(id, caller(asker))).isInstanceOf(ApiProblem.class);
        // only moderators see and answer requests
        http.perform(get("/api/community/groups/{id}/join-requests", id).with(bearer(asker.token())))
                .andExpect(status().isForbidden()).andExpect(problem());
        answer(asker, id, asker.id(), "APPROVED").andExpect(status().isForbidden()).andExpect(problem());
        http.perform(get("/api/community/groups/{id}/join-requests", id).with(bearer(creator.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].memberId").value(asker.id()))
                .andExpect(jsonPath("$.items[0].displayName").value("Asker"));

        answer(creator, id, asker.id(), "APPROVED").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MEMBER"));
        answer(creator, id, asker.id(), "APPROVED").andExpect(status().isOk());
        answer(creator, id, asker.id(), "DECLINED").andExpect(status().isConflict()).andExpect(problem());

        members(asker, id).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].memberId").value(creator.id()))
                .andExpect(jsonPath("$.items[0].moderator").value(true))
                .andExpect(jsonPath("$.items[1].memberId").value(asker.id()));
        assertThat(access.writable(id, caller(asker)).moderatorIds()).containsExactly(creator.id());
        assertThat(access.membersAmong(id, List.of(asker.id(), creator.id(), "stranger")))
                .containsExactlyInAnyOrder(asker.id(), creator.id());
        assertThat(access.moderates(id, caller(asker))).isFalse();
        assertThat(access.moderates(id, caller(creator))).isTrue();

        List<String> types = published(id, 5).stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertThat(types).containsExactlyInAnyOrder(EventCatalog.GROUP_CREATED.type(),
                EventCatalog.GROUP_MEMBER_JOINED.type(), EventCatalog.GROUP_JOIN_REQUESTED.type(),
                EventCatalog.GROUP_JOIN_ANSWERED.type(), EventCatalog.GROUP_MEMBER_JOINED.type());
        // one membership's events keep their order
        assertThat(types).containsSubsequence(EventCatalog.GROUP_JOIN_REQUESTED.type(),
                EventCatalog.GROUP_JOIN_ANSWERED.type(), EventCatalog.GROUP_MEMBER_JOINED.type());
    }

    @Test
    void aDeclinedMemberStaysOutOfThePrivateGroup() throws Exception {
        Registered creator = api().register("Creator", CITY);
        Registered asker = api().register("Asker", CITY);
        String id = createdId(creator, "{\"kind\":\"TOPIC\",\"name\":\"Quiet retrofit\",\"visibility\":\"PRIVATE\","
                + "\"topic\":\"buildings\"}");
        join(asker, id).andExpect(status().isAccepted());

        answer(creator, id, asker.id(), "DECLINED").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"));

        members(asker, id).andExpect(status().isForbidden());
        assertThatThrownBy(() -> access.writable(id, caller(asker))).isInstanceOf(ApiProblem.class);
        answer(creator, id, "never-asked", "APPROVED").andExpect(status().isNotFound()).andExpect(problem());
    }

    @Test
    void aPublicGroupIsJoinedAtOnceReadByEveryoneAndCompletesTheJoinAGroupStep() throws Exception {
        Registered creator = api().register("Creator", CITY);
        Registered joiner = api().register("Joiner", CITY);
        Registered outsider = api().register("Outsider", "velenje");
        String id = createdId(creator, "{\"kind\":\"TOPIC\",\"name\":\"Kranj bikes\",\"visibility\":\"PUBLIC\","
                + "\"topic\":\"Mobility\",\"city\":\"kranj\"}");

        join(joiner, id).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("MEMBER"));
        join(joiner, id).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MEMBER"));

        members(outsider, id).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
        assertThat(access.readable(id, caller(outsider)).isPublic()).isTrue();
        assertThatThrownBy(() -> access.writable(id, caller(outsider))).isInstanceOf(ApiProblem.class);
        await().atMost(WAIT).untilAsserted(() -> http.perform(get("/api/community/onboarding")
                        .with(bearer(joiner.token())))
                .andExpect(jsonPath("$.checklist.activation[0].name").value("join-a-group"))
                .andExpect(jsonPath("$.checklist.activation[0].status").value("DONE")));
        http.perform(get("/api/community/onboarding").with(bearer(outsider.token())))
                .andExpect(jsonPath("$.checklist.activation[0].status").value("TODO"));
    }

    @Test
    void groupsAreListedByCityTopicAndMembershipPrivateOnesIncluded() throws Exception {
        Registered creator = api().register("Creator", "liepaja");
        Registered other = api().register("Other", "liepaja");
        String open = createdId(creator, "{\"kind\":\"CITY\",\"name\":\"A Liepaja open\",\"visibility\":\"PUBLIC\","
                + "\"city\":\"liepaja\"}");
        String closed = createdId(creator, "{\"kind\":\"TOPIC\",\"name\":\"B Liepaja closed\","
                + "\"visibility\":\"PRIVATE\",\"city\":\"liepaja\",\"topic\":\"Liepaja-water\"}");

        http.perform(get("/api/community/groups").param("city", "liepaja").with(bearer(other.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(open, closed)))
                .andExpect(jsonPath("$.items[1].membership").value("NONE"))
                .andExpect(jsonPath("$.items[1].joinable").value(true));
        http.perform(get("/api/community/groups").param("topic", "LIEPAJA-WATER").with(bearer(other.token())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(closed)));
        join(other, open).andExpect(status().isCreated());
        http.perform(get("/api/community/groups").param("mine", "true").with(bearer(other.token())))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(open))
                .andExpect(jsonPath("$.items[0].memberCount").value(2));
        http.perform(get("/api/community/groups").param("city", "liepaja").param("size", "1").param("page", "1")
                        .with(bearer(other.token())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(closed)));
    }

    @Test
    void theLastModeratorAppointsAnotherBeforeLeavingOthersBehind() throws Exception {
        Registered creator = api().register("Creator", CITY);
        Registered member = api().register("Member", CITY);
        Registered stranger = api().register("Stranger", CITY);
        String id = createdId(creator, "{\"kind\":\"CITY\",\"name\":\"Kranj solar\",\"visibility\":\"PUBLIC\","
                + "\"city\":\"kranj\"}");
        join(member, id).andExpect(status().isCreated());

        leave(creator, id).andExpect(status().isConflict()).andExpect(problem())
                .andExpect(jsonPath("$.type").value(Matchers.endsWith("last-moderator")));
        appoint(member, id, member.id()).andExpect(status().isForbidden()).andExpect(problem());
        appoint(creator, id, stranger.id()).andExpect(status().isConflict()).andExpect(problem());
        appoint(creator, id, member.id()).andExpect(status().isOk())
                .andExpect(jsonPath("$.moderatorIds").value(Matchers.containsInAnyOrder(creator.id(), member.id())));

        leave(creator, id).andExpect(status().isNoContent());
        leave(creator, id).andExpect(status().isNoContent());

        http.perform(get("/api/community/groups/{id}", id).with(bearer(member.token())))
                .andExpect(jsonPath("$.moderatorIds").value(Matchers.contains(member.id())))
                .andExpect(jsonPath("$.memberCount").value(1));
        // the only member left may leave: nobody stays behind without a moderator
        leave(member, id).andExpect(status().isNoContent());
        assertThat(published(id, 5).stream().map(r -> TopicReader.header(r, "ce_type")))
                .filteredOn(EventCatalog.GROUP_MEMBER_LEFT.type()::equals).hasSize(2);
    }

    @Test
    void unknownGroupsAreNotFound() throws Exception {
        Registered member = api().register("Member", CITY);
        String unknown = UUID.randomUUID().toString();
        for (var request : List.of(get("/api/community/groups/{id}", unknown),
                post("/api/community/groups/{id}/members", unknown),
                delete("/api/community/groups/{id}/members/me", unknown),
                get("/api/community/groups/{id}/members", unknown),
                get("/api/community/groups/{id}/join-requests", unknown),
                json(post("/api/community/groups/{id}/moderators", unknown), "{\"memberId\":\"" + member.id() + "\"}"),
                json(post("/api/community/groups/{id}/join-requests/{m}/answer", unknown, member.id()),
                        "{\"answer\":\"APPROVED\"}"))) {
            http.perform(request.with(bearer(member.token()))).andExpect(status().isNotFound()).andExpect(problem());
        }
        assertThatThrownBy(() -> access.readable(unknown, caller(member)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(404));
        assertThat(access.moderates(unknown, caller(member))).isFalse();
    }

    @Test
    void aCohortsEventsMakeItsPeerGroupOnceAndFollowItsEnrolments() throws Exception {
        Registered facilitator = api().register("Facilitator", "velenje");
        Registered enrolled = api().register("Enrolled", "velenje");
        Registered waitlisted = api().register("Waitlisted", "velenje");
        Registered promoted = api().register("Promoted", "velenje");
        String cohortId = UUID.randomUUID().toString();
        String groupId = Group.cohortGroupId(cohortId);
        var started = new CohortStarted(cohortId, "Autumn 2027, Slovenian", "sl", List.of(facilitator.id()),
                LocalDate.parse("2027-09-01"), LocalDate.parse("2027-12-15"), 25);
        PendingEvent startedEvent = TestEvents.event(codec, EventCatalog.COHORT_STARTED, cohortId, started);

        TestEvents.publish(kafka, codec, startedEvent);
        TestEvents.publish(kafka, codec, startedEvent); // redelivered: the same event again
        // published twice by learning (a retried send): another event id, the same cohort
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.COHORT_STARTED, cohortId, started));
        TestEvents.publish(kafka, codec, enrolment(cohortId, enrolled.id(), "ENROLLED"));
        TestEvents.publish(kafka, codec, enrolment(cohortId, waitlisted.id(), "WAITLISTED"));
        TestEvents.publish(kafka, codec, enrolment(cohortId, promoted.id(), "PROMOTED"));
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.LEARNER_WITHDRAWN, cohortId,
                new LearnerWithdrawn(cohortId, UUID.randomUUID().toString(), promoted.id())));

        await().atMost(WAIT).untilAsserted(() -> http.perform(get("/api/community/groups/{id}/members", groupId)
                        .with(bearer(enrolled.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].memberId").value(
                        Matchers.containsInAnyOrder(facilitator.id(), enrolled.id()))));
        http.perform(get("/api/community/groups/{id}", groupId).with(bearer(facilitator.token())))
                .andExpect(jsonPath("$.kind").value("COHORT"))
                .andExpect(jsonPath("$.visibility").value("PRIVATE"))
                .andExpect(jsonPath("$.cohortId").value(cohortId))
                .andExpect(jsonPath("$.moderatorIds").value(Matchers.contains(facilitator.id())))
                .andExpect(jsonPath("$.joinable").value(false));
        assertThat(mongo.count(Query.query(Criteria.where("cohortId").is(cohortId)), Group.class)).isEqualTo(1);
        join(waitlisted, groupId).andExpect(status().isConflict()).andExpect(problem());
        http.perform(get("/api/community/groups").param("mine", "true").with(bearer(enrolled.token())))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(groupId)));

        // a second facilitator: CohortUpdated brings the moderators in line
        Registered second = api().register("Second", "velenje");
        TestEvents.publish(kafka, codec, TestEvents.event(codec, EventCatalog.COHORT_UPDATED, cohortId,
                new CohortUpdated(cohortId, started.name(), "sl", List.of(second.id()), started.startsOn(),
                        started.endsOn(), 25, List.of(enrolled.id()))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(access.moderates(groupId, caller(second))).isTrue());
        assertThat(access.moderates(groupId, caller(facilitator))).isFalse();
        assertThat(access.membersAmong(groupId, List.of(facilitator.id(), second.id(), enrolled.id(),
                waitlisted.id(), promoted.id()))).containsExactlyInAnyOrder(facilitator.id(), second.id(),
                        enrolled.id());

        List<ConsumerRecord<String, String>> events = published(groupId, 7);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .filteredOn(EventCatalog.GROUP_CREATED.type()::equals).hasSize(1);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type"))
                .filteredOn(EventCatalog.GROUP_MEMBER_LEFT.type()::equals).hasSize(1);
        assertThat(events).filteredOn(r -> EventCatalog.GROUP_MEMBER_JOINED.type()
                .equals(TopicReader.header(r, "ce_type")))
                .extracting(ConsumerRecord::value)
                .allSatisfy(value -> assertThat(value).contains("\"groupName\":\"Autumn 2027, Slovenian\""))
                .hasSize(4);
    }

    /** As two instances handling the same cohort's events at once would: one group, each member in it once. */
    @Test
    void twoInstancesHandlingTheSameCohortAtOnceCreateOneGroup() throws Exception {
        Registered facilitator = api().register("Facilitator", "velenje");
        String cohortId = UUID.randomUUID().toString();
        List<CompletableFuture<Void>> handlers = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.runAsync(() -> cohorts.follow(cohortId, "Race cohort",
                        List.of(facilitator.id()))))
                .toList();
        handlers.forEach(CompletableFuture::join);

        String groupId = Group.cohortGroupId(cohortId);
        assertThat(mongo.count(Query.query(Criteria.where("cohortId").is(cohortId)), Group.class)).isEqualTo(1);
        List<ConsumerRecord<String, String>> events = published(groupId, 3);
        assertThat(events).extracting(r -> TopicReader.header(r, "ce_type")).containsExactlyInAnyOrder(
                EventCatalog.GROUP_CREATED.type(), EventCatalog.GROUP_MEMBER_JOINED.type());
    }

    @Test
    void anErasedMembersGroupsAreInTheirExportAndGoWithTheirAccount() throws Exception {
        Registered creator = api().register("Creator", CITY);
        Registered member = api().register("Member", CITY);
        String id = createdId(creator, "{\"kind\":\"CITY\",\"name\":\"Kranj repair\",\"visibility\":\"PUBLIC\","
                + "\"city\":\"kranj\"}");
        appointAfterJoining(creator, member, id);
        http.perform(get("/api/community/members/me/export").with(bearer(member.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.groups[0].groupId").value(id))
                .andExpect(jsonPath("$.sections.groups[0].groupName").value("Kranj repair"))
                .andExpect(jsonPath("$.sections.groups[0].status").value("MEMBER"))
                .andExpect(jsonPath("$.sections.groups[0].moderator").value(true));

        http.perform(delete("/api/community/members/me").with(bearer(member.token())))
                .andExpect(status().isNoContent());

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(access.membersAmong(id, List.of(member.id()))).isEmpty();
            assertThat(mongo.findById(id, Group.class).moderatorIds()).containsExactly(creator.id());
        });
        assertThat(mongo.exists(Query.query(Criteria.where("memberId").is(member.id())), Membership.class))
                .isFalse();
    }

    private void appointAfterJoining(Registered moderator, Registered member, String id) throws Exception {
        join(member, id).andExpect(status().isCreated());
        appoint(moderator, id, member.id()).andExpect(status().isOk());
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    private static Caller caller(Registered member) {
        return new Caller(member.id(), Set.of(GlobalRole.MEMBER), Set.of());
    }

    private ResultActions create(Registered member, String body) throws Exception {
        return http.perform(json(post("/api/community/groups"), body).with(bearer(member.token())))
                .andExpect(status().isCreated());
    }

    private String createdId(Registered member, String body) throws Exception {
        return JsonPath.read(create(member, body).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions join(Registered member, String id) throws Exception {
        return http.perform(post("/api/community/groups/{id}/members", id).with(bearer(member.token())));
    }

    private ResultActions leave(Registered member, String id) throws Exception {
        return http.perform(delete("/api/community/groups/{id}/members/me", id).with(bearer(member.token())));
    }

    private ResultActions members(Registered member, String id) throws Exception {
        return http.perform(get("/api/community/groups/{id}/members", id).with(bearer(member.token())));
    }

    private ResultActions appoint(Registered member, String id, String memberId) throws Exception {
        return http.perform(json(post("/api/community/groups/{id}/moderators", id),
                "{\"memberId\":\"" + memberId + "\"}").with(bearer(member.token())));
    }

    private ResultActions answer(Registered member, String id, String memberId, String answer) throws Exception {
        return http.perform(json(post("/api/community/groups/{id}/join-requests/{m}/answer", id, memberId),
                "{\"answer\":\"" + answer + "\"}").with(bearer(member.token())));
    }

    private static org.springframework.test.web.servlet.ResultMatcher problem() {
        return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private PendingEvent enrolment(String cohortId, String memberId, String status) {
        return TestEvents.event(codec, EventCatalog.LEARNER_ENROLLED, cohortId,
                new LearnerEnrolled(cohortId, "Autumn 2027, Slovenian", UUID.randomUUID().toString(), memberId,
                        status));
    }

    /**
     * The group's events on its topic, once {@code expected} arrived or after 10 s: asking for one more than
     * should come waits the whole time, so that a duplicate would show.
     */
    private List<ConsumerRecord<String, String>> published(String groupId, int expected) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.COMMUNITY_GROUPS_TOPIC,
                r -> groupId.equals(r.key()), expected, Duration.ofSeconds(10));
    }
}
