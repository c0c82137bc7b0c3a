package org.netzerocities.community.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.community.member.Member;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * Members who existed before the boards kept names (written straight to the database, no event announces them)
 * and the bootstrap admin become mentionable through the one-time backfill, against the real broker and database.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MemberNamesBackfillTest {

    /** No other test registers members here. */
    private static final String CITY = "bergamo";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    MemberNamesBackfill backfill;

    /** The start-up pass of this context is over: what follows is the tests' own doing. */
    @BeforeEach
    void startUpPassDone() {
        await().atMost(WAIT).until(() -> mongo.findById(MemberNamesBackfill.MARKER, Document.class,
                MemberNamesBackfill.BUILDS) != null);
    }

    @Test
    void membersFromBeforeTheIndexAreMentionableOnceItIsBuiltAndTheMarkerSkipsTheRebuild() throws Exception {
        String tag = BoardFlowTest.tag();
        Registered alice = api().register("Alice" + tag, CITY);
        String group = publicGroup(alice);
        String pat = preExisting("Pat Older " + tag);
        join(api().logIn(mongo.findById(pat, Document.class, Member.COLLECTION).getString("email"),
                CommunityApi.PASSWORD), group);

        assertThat(backfill.buildIfNeeded()).as("built already: skipped").isFalse();
        String before = startThread(alice, group, "Hello @Pat Older " + tag);
        assertThat(mongo.findById(before + ".1", Post.class).mentionedIds()).as("not in the index yet").isEmpty();

        mongo.remove(Query.query(Criteria.where("_id").is(MemberNamesBackfill.MARKER)), MemberNamesBackfill.BUILDS);
        assertThat(backfill.buildIfNeeded()).isTrue();
        assertThat(mongo.findById(MemberNamesBackfill.MARKER, Document.class, MemberNamesBackfill.BUILDS)
                .getInteger("version")).isEqualTo(MemberNamesBackfill.VERSION);

        String after = startThread(alice, group, "Welcome back @pat older " + tag + "!");
        assertThat(mentioned(after, 1)).singleElement().asString()
                .contains("\"mentionedMemberId\":\"" + pat + "\"", "\"postId\":\"" + after + ".1\"");
    }

    @Test
    void theBootstrapAdminIsMentionable() throws Exception {
        String tag = BoardFlowTest.tag();
        Registered alice = api().register("Alice" + tag, CITY);
        String group = publicGroup(alice);
        join(api().admin(), group);
        String admin = mongo.findOne(Query.query(Criteria.where("email").is(CommunityApi.ADMIN_EMAIL)),
                Document.class, Member.COLLECTION).getString("_id");

        String thread = startThread(alice, group, "@Platform admin please pin this");
        assertThat(mentioned(thread, 1)).singleElement().asString().contains("\"mentionedMemberId\":\"" + admin + "\"");
    }

    @Test
    void twoConcurrentBackfillsLeaveOneCorrectIndexWithoutErasedMembers() throws Exception {
        String tag = BoardFlowTest.tag();
        List<String> twins = List.of(preExisting("Twin " + tag), preExisting("Twin " + tag));
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            others.add(preExisting("Other " + i + " " + tag));
        }
        String erased = erasedStub();
        mongo.remove(Query.query(Criteria.where("_id").is(MemberNamesBackfill.MARKER)), MemberNamesBackfill.BUILDS);

        CountDownLatch go = new CountDownLatch(1);
        Callable<Boolean> build = () -> {
            go.await();
            return backfill.buildIfNeeded();
        };
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> runs = List.of(instances.submit(build), instances.submit(build));
            go.countDown();
            for (Future<Boolean> run : runs) {
                run.get();
            }
        }
        finally {
            instances.shutdownNow();
        }

        String twinKey = "twin " + tag.toLowerCase();
        assertThat(indexed(twinKey)).containsExactlyInAnyOrderElementsOf(twins);
        twins.forEach(id -> assertThat(keyOf(id)).isEqualTo(twinKey));
        for (int i = 0; i < others.size(); i++) {
            String key = "other " + i + " " + tag.toLowerCase();
            assertThat(indexed(key)).containsExactly(others.get(i));
            assertThat(keyOf(others.get(i))).isEqualTo(key);
        }
        assertThat(mongo.findById(erased, Document.class, MemberNames.OF_MEMBER)).as("erased stub").isNull();
        assertThat(mongo.count(Query.query(Criteria.where("memberIds").is(erased)), MemberNames.BY_NAME)).isZero();
    }

    /** The pass read the member before the erasure; its write comes after the erasure's own clean-up. */
    @Test
    void aMemberErasedWhileThePassRunsIsNotIndexedAgain() throws Exception {
        String tag = BoardFlowTest.tag();
        String gone = preExisting("Gone " + tag);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(gone)), new Update().unset(Member.DISPLAY_NAME)
                .set("email", "erased:" + gone).set(Member.ERASED_AT, Instant.now()), Member.COLLECTION);

        backfill.name(gone, "Gone " + tag);

        assertThat(mongo.findById(gone, Document.class, MemberNames.OF_MEMBER)).isNull();
        assertThat(indexed("gone " + tag.toLowerCase())).isEmpty();
    }

    @Test
    void aMemberRenamedWhileThePassRunsIsIndexedUnderTheNewName() throws Exception {
        String tag = BoardFlowTest.tag();
        String renamed = preExisting("Newname " + tag);

        backfill.name(renamed, "Oldname " + tag);

        assertThat(keyOf(renamed)).isEqualTo("newname " + tag.toLowerCase());
        assertThat(indexed("oldname " + tag.toLowerCase())).isEmpty();
        assertThat(indexed("newname " + tag.toLowerCase())).containsExactly(renamed);
    }

    /** A member as stored before the boards existed: a copy of a registered member's document, no event. */
    private String preExisting(String displayName) throws Exception {
        Registered template = api().register("Template", CITY);
        Document member = mongo.findById(template.id(), Document.class, Member.COLLECTION);
        String id = UUID.randomUUID().toString();
        member.put("_id", id);
        member.put("email", CommunityApi.uniqueEmail("older"));
        member.put(Member.DISPLAY_NAME, displayName);
        member.put("outbox", List.of());
        mongo.insert(member, Member.COLLECTION);
        return id;
    }

    private String erasedStub() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document(Map.of("_id", id, "email", "erased:" + id, Member.ERASED_AT, Instant.now(),
                "roles", List.of(), "outbox", List.of())), Member.COLLECTION);
        return id;
    }

    private List<String> indexed(String key) {
        Document names = mongo.findById(key, Document.class, MemberNames.BY_NAME);
        return names == null ? List.of() : names.getList("memberIds", String.class);
    }

    private String keyOf(String memberId) {
        Document entry = mongo.findById(memberId, Document.class, MemberNames.OF_MEMBER);
        return entry == null ? null : entry.getString("key");
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    private String publicGroup(Registered creator) throws Exception {
        return JsonPath.read(http.perform(json(post("/api/community/groups"), "{\"kind\":\"TOPIC\",\"name\":\"Names "
                        + BoardFlowTest.tag() + "\",\"visibility\":\"PUBLIC\",\"topic\":\"energy\"}")
                        .with(bearer(creator.token())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private void join(String token, String group) throws Exception {
        http.perform(post("/api/community/groups/{id}/members", group).with(bearer(token)))
                .andExpect(status().isCreated());
    }

    private String startThread(Registered author, String group, String body) throws Exception {
        return JsonPath.read(http.perform(json(post("/api/community/groups/{id}/threads", group),
                        "{\"title\":\"Names\",\"body\":\"" + body + "\"}").with(bearer(author.token())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.thread.id");
    }

    /** The thread's MemberMentioned events, once {@code expected} arrived or after 10 s. */
    private List<String> mentioned(String threadId, int expected) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(
                String.join(",", kafkaConnection.getBootstrapServers()), EventCatalog.COMMUNITY_THREADS_TOPIC,
                r -> threadId.equals(r.key())
                        && EventCatalog.MEMBER_MENTIONED.type().equals(TopicReader.header(r, "ce_type")),
                expected, Duration.ofSeconds(10));
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
