package org.netzerocities.community.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.community.activity.MemberActivities;
import org.netzerocities.events.contract.EventCatalog;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import com.jayway.jsonpath.JsonPath;

/** The message boards through the API, with real groups, against the real broker and database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class BoardFlowTest {

    /** No other test registers members here. */
    static final String CITY = "zaragoza";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafkaConnection;
    @Autowired
    MemberActivities activities;

    @Test
    void aThreadItsRepliesAndMentionsReachTheTopicWithTheRightParticipants() throws Exception {
        String tag = tag();
        Registered alice = member("Alice" + tag);
        Registered bob = member("Bob" + tag);
        Registered carol = member("Carol" + tag);
        Registered dana1 = member("Dana" + tag);
        Registered dana2 = member("Dana" + tag);
        Registered outsider = member("Olga" + tag);
        String group = group(alice, "PUBLIC");
        for (Registered member : List.of(bob, carol, dana1, dana2)) {
            join(member, group);
        }
        // display names may hold spaces: Carol's, after a rename the boards learn from MemberProfileUpdated
        http.perform(json(patch("/api/community/members/me"), "{\"displayName\":\"Carol Ann " + tag + "\"}")
                .with(bearer(carol.token()))).andExpect(status().isOk());
        awaitNamed(alice, bob, dana1, dana2, outsider);
        await().atMost(WAIT).until(() -> ("carol ann " + tag.toLowerCase()).equals(mongo.findById(carol.id(),
                org.bson.Document.class, MemberNames.OF_MEMBER).getString("key")));

        String thread = JsonPath.read(start(alice, group, "<b>Solar</b> roofs",
                "Who joins? @Carol Ann " + tag + " and @Olga" + tag).andExpect(status().isCreated())
                .andExpect(jsonPath("$.thread.title").value("Solar roofs"))
                .andExpect(jsonPath("$.firstPost.seq").value(1))
                .andExpect(jsonPath("$.firstPost.authorName").value("Alice" + tag))
                .andReturn().getResponse().getContentAsString(), "$.thread.id");
        reply(bob, thread, "<p>Me! @alice" + tag.toLowerCase() + ", and @Dana" + tag + " (both of them)</p>")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.seq").value(2));
        reply(carol, thread, "Count me in <script>alert(1)</script>@Carol Ann " + tag).andExpect(status().isCreated())
                .andExpect(jsonPath("$.body").value("Count me in &#64;Carol Ann " + tag));
        reply(alice, thread, "Thanks all").andExpect(status().isCreated());

        List<ConsumerRecord<String, String>> records = published(thread, 12);
        Map<String, List<String>> byType = records.stream().collect(Collectors.groupingBy(
                r -> TopicReader.header(r, "ce_type"), Collectors.mapping(ConsumerRecord::value, Collectors.toList())));
        assertThat(byType.get(EventCatalog.THREAD_STARTED.type())).singleElement().asString()
                .contains("\"authorId\":\"" + alice.id() + "\"", "\"groupId\":\"" + group + "\"");
        assertThat(byType.get(EventCatalog.POST_PUBLISHED.type())).hasSize(4);
        assertThat(byType.get(EventCatalog.THREAD_REPLIED.type())).containsExactlyInAnyOrder(
                replied(thread, group, thread + ".2", bob, List.of(alice)),
                replied(thread, group, thread + ".3", carol, List.of(alice, bob)),
                replied(thread, group, thread + ".4", alice, List.of(bob, carol)));
        // Olga cannot be mentioned (not in the group, never posted); Carol never by herself; both Danas
        assertThat(byType.get(EventCatalog.MEMBER_MENTIONED.type())).hasSize(4)
                .anySatisfy(e -> assertThat(e).contains("\"postId\":\"" + thread + ".1\"",
                        "\"mentionedMemberId\":\"" + carol.id() + "\"", "\"threadTitle\":\"Solar roofs\""))
                .anySatisfy(e -> assertThat(e).contains("\"postId\":\"" + thread + ".2\"",
                        "\"mentionedMemberId\":\"" + alice.id() + "\""))
                .anySatisfy(e -> assertThat(e).contains("\"mentionedMemberId\":\"" + dana1.id() + "\""))
                .anySatisfy(e -> assertThat(e).contains("\"mentionedMemberId\":\"" + dana2.id() + "\""))
                .noneSatisfy(e -> assertThat(e).contains(outsider.id()));

        // the chat feed, newest first; every member reads a public group's board
        posts(outsider, thread, "").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].seq").value(Matchers.contains(4, 3, 2, 1)));
        posts(outsider, thread, "?size=1&page=1").andExpect(jsonPath("$.items[*].seq").value(Matchers.contains(3)));
        posts(outsider, thread, "?before=2").andExpect(jsonPath("$.items[*].seq").value(Matchers.contains(1)));
        http.perform(get("/api/community/groups/{id}/threads", group).with(bearer(outsider.token())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].posts").value(4));
        // but writes only as a member
        reply(outsider, thread, "hi").andExpect(status().isForbidden()).andExpect(problem());
        await().atMost(WAIT).until(() -> activities.signalsOf(List.of(bob.id())).get(bob.id()).posts() == 1);
    }

    @Test
    void aPrivateGroupsBoardIsClosedToOutsidersWhoCannotBeMentionedThere() throws Exception {
        String tag = tag();
        Registered alice = member("Alice" + tag);
        Registered outsider = member("Olga" + tag);
        String group = group(alice, "PRIVATE");
        awaitNamed(alice, outsider);
        String thread = threadId(start(alice, group, "Plans", "Hello @Olga" + tag));
        String post = thread + ".1";

        http.perform(get("/api/community/groups/{id}/threads", group).with(bearer(outsider.token())))
                .andExpect(status().isForbidden()).andExpect(problem());
        start(outsider, group, "Mine", "x").andExpect(status().isForbidden()).andExpect(problem());
        posts(outsider, thread, "").andExpect(status().isForbidden()).andExpect(problem());
        reply(outsider, thread, "x").andExpect(status().isForbidden()).andExpect(problem());
        report(outsider, post, "x").andExpect(status().isForbidden()).andExpect(problem());
        react(outsider, post, "LIKE").andExpect(status().isForbidden()).andExpect(problem());
        http.perform(get("/api/community/groups/{id}/threads", "no-such-group").with(bearer(outsider.token())))
                .andExpect(status().isNotFound()).andExpect(problem());
        posts(outsider, "no-such-thread", "").andExpect(status().isNotFound()).andExpect(problem());
        assertThat(mongo.findById(post, Post.class).mentionedIds()).isEmpty();
    }

    @Test
    void theAuthorEditsAndDeletesMembersReactAndReportAndOnlyModeratorsHide() throws Exception {
        String tag = tag();
        Registered mod = member("Mod" + tag);
        Registered author = member("Author" + tag);
        Registered reader = member("Reader" + tag);
        String group = group(mod, "PUBLIC");
        join(author, group);
        join(reader, group);
        String thread = threadId(start(author, group, "Heat pumps", "first"));
        String post = thread + ".1";

        edit(reader, post, "mine now").andExpect(status().isForbidden()).andExpect(problem());
        http.perform(delete("/api/community/posts/{id}", post).with(bearer(reader.token())))
                .andExpect(status().isForbidden()).andExpect(problem());
        edit(author, post, "<i>second</i> thoughts").andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("<i>second</i> thoughts"))
                .andExpect(jsonPath("$.editedAt").isNotEmpty());

        react(reader, post, "LIKE").andExpect(status().isOk());
        react(reader, post, "LIKE").andExpect(status().isOk());
        react(mod, post, "LIKE").andExpect(status().isOk())
                .andExpect(jsonPath("$.reactions[?(@.kind=='LIKE')].count").value(Matchers.contains(2)))
                .andExpect(jsonPath("$.reactions[?(@.kind=='LIKE')].mine").value(Matchers.contains(true)));
        http.perform(delete("/api/community/posts/{id}/reactions/LIKE", post).with(bearer(reader.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reactions[?(@.kind=='LIKE')].count").value(Matchers.contains(1)))
                .andExpect(jsonPath("$.reactions[?(@.kind=='LIKE')].mine").value(Matchers.contains(false)));
        react(reader, post, "ANGRY").andExpect(status().isBadRequest()).andExpect(problem());

        report(reader, post, "Off topic").andExpect(status().isCreated());
        report(reader, post, "Again").andExpect(status().isConflict()).andExpect(problem());
        reports(reader, group).andExpect(status().isForbidden()).andExpect(problem());
        reports(mod, group).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].post.id").value(post))
                .andExpect(jsonPath("$.items[0].reasons[0].reason").value("Off topic"));

        hide(reader, post).andExpect(status().isForbidden()).andExpect(problem());
        hide(mod, post).andExpect(status().isOk()).andExpect(jsonPath("$.hidden").value(true));
        hide(mod, post).andExpect(status().isConflict()).andExpect(problem());
        posts(reader, thread, "").andExpect(jsonPath("$.items").isEmpty());
        posts(author, thread, "").andExpect(jsonPath("$.items[0].hidden").value(true))
                .andExpect(jsonPath("$.items[0].hiddenReason").value("Spam"));
        posts(mod, thread, "").andExpect(jsonPath("$.items[0].hidden").value(true));
        reports(mod, group).andExpect(jsonPath("$.total").value(0));
        assertThat(published(thread, 4).stream().map(r -> TopicReader.header(r, "ce_type")))
                .contains(EventCatalog.POST_REPORTED.type(), EventCatalog.POST_HIDDEN.type());

        String second = thread + "." + JsonPath.read(reply(author, thread, "to delete")
                .andReturn().getResponse().getContentAsString(), "$.seq");
        http.perform(delete("/api/community/posts/{id}", second).with(bearer(author.token())))
                .andExpect(status().isNoContent());
        posts(reader, thread, "").andExpect(jsonPath("$.items[0].deleted").value(true))
                .andExpect(jsonPath("$.items[0].body").doesNotExist());
        edit(author, second, "back").andExpect(status().isConflict()).andExpect(problem());
    }

    @Test
    void anErasedMembersPostsLoseTheirTextAndTheirExportHeldThem() throws Exception {
        String tag = tag();
        Registered mod = member("Mod" + tag);
        Registered leaving = member("Leaving" + tag);
        String group = group(mod, "PUBLIC");
        join(leaving, group);
        String thread = threadId(start(mod, group, "Cargo bikes", "who rides?"));
        reply(leaving, thread, "I do").andExpect(status().isCreated());
        react(leaving, thread + ".1", "SUPPORT").andExpect(status().isOk());
        http.perform(get("/api/community/members/me/export").with(bearer(leaving.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.boards.posts[0].body").value("I do"));

        http.perform(delete("/api/community/members/me").with(bearer(leaving.token())))
                .andExpect(status().isNoContent());
        await().atMost(WAIT).until(() -> mongo.findById(thread + ".2", Post.class).authorErased());
        posts(mod, thread, "").andExpect(jsonPath("$.items[0].authorId").doesNotExist())
                .andExpect(jsonPath("$.items[0].authorErased").value(true))
                .andExpect(jsonPath("$.items[0].body").doesNotExist())
                .andExpect(jsonPath("$.items[1].reactions[?(@.kind=='SUPPORT')].count").value(Matchers.contains(0)));
    }

    static String tag() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private Registered member(String name) throws Exception {
        return new CommunityApi(http).register(name, CITY);
    }

    /** Mentions resolve against the names the boards learn from MemberJoined. */
    private void awaitNamed(Registered... members) {
        for (Registered member : members) {
            await().atMost(WAIT).until(() -> mongo.findById(member.id(), org.bson.Document.class,
                    MemberNames.OF_MEMBER) != null);
        }
    }

    private String group(Registered creator, String visibility) throws Exception {
        String body = http.perform(json(post("/api/community/groups"), "{\"kind\":\"TOPIC\",\"name\":\"Board "
                        + tag() + "\",\"visibility\":\"" + visibility + "\",\"topic\":\"energy\"}")
                        .with(bearer(creator.token())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void join(Registered member, String group) throws Exception {
        http.perform(post("/api/community/groups/{id}/members", group).with(bearer(member.token())))
                .andExpect(status().isCreated());
    }

    private ResultActions start(Registered member, String group, String title, String body) throws Exception {
        return http.perform(json(post("/api/community/groups/{id}/threads", group),
                "{\"title\":" + quoted(title) + ",\"body\":" + quoted(body) + "}").with(bearer(member.token())));
    }

    private static String threadId(ResultActions started) throws Exception {
        return JsonPath.read(started.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.thread.id");
    }

    private ResultActions reply(Registered member, String thread, String body) throws Exception {
        return http.perform(json(post("/api/community/threads/{id}/posts", thread), "{\"body\":" + quoted(body) + "}")
                .with(bearer(member.token())));
    }

    private ResultActions posts(Registered member, String thread, String query) throws Exception {
        return http.perform(get("/api/community/threads/" + thread + "/posts" + query).with(bearer(member.token())));
    }

    private ResultActions edit(Registered member, String post, String body) throws Exception {
        return http.perform(json(patch("/api/community/posts/{id}", post), "{\"body\":" + quoted(body) + "}")
                .with(bearer(member.token())));
    }

    private ResultActions react(Registered member, String post, String kind) throws Exception {
        return http.perform(put("/api/community/posts/{id}/reactions/{kind}", post, kind).with(bearer(member.token())));
    }

    private ResultActions report(Registered member, String post, String reason) throws Exception {
        return http.perform(json(post("/api/community/posts/{id}/reports", post), "{\"reason\":" + quoted(reason) + "}")
                .with(bearer(member.token())));
    }

    private ResultActions reports(Registered member, String group) throws Exception {
        return http.perform(get("/api/community/groups/{id}/reports", group).with(bearer(member.token())));
    }

    private ResultActions hide(Registered member, String post) throws Exception {
        return http.perform(json(post("/api/community/posts/{id}/hidden", post), "{\"reason\":\"Spam\"}")
                .with(bearer(member.token())));
    }

    private static String replied(String thread, String group, String post, Registered author,
            List<Registered> participants) {
        return "{\"threadId\":\"" + thread + "\",\"threadTitle\":\"Solar roofs\",\"groupId\":\"" + group
                + "\",\"postId\":\"" + post + "\",\"authorId\":\"" + author.id() + "\",\"participantIds\":["
                + participants.stream().map(p -> "\"" + p.id() + "\"").sorted().collect(Collectors.joining(","))
                + "]}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ResultMatcher problem() {
        return content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** The thread's events, once {@code expected} arrived or after 10 s. */
    private List<ConsumerRecord<String, String>> published(String threadId, int expected) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.COMMUNITY_THREADS_TOPIC, r -> threadId.equals(r.key()), expected, Duration.ofSeconds(10));
    }
}
