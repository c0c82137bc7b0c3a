package org.netzerocities.community.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.support.ApiProblem;
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

/** Collaboration requests through the API, against the real broker and database. Its cities: kozani, trikala. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CollaborationFlowTest {

    private static final String OFFER = """
            {"topic":"Solar panels on school roofs","idea":"Three schools,\\none roof each",
             "contribution":"EXPERTISE","contributionDetails":"I install panels for a living"}""";

    @Autowired
    MockMvc http;
    @Autowired
    CollaborationRequests requests;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void theTeamAsksForMoreTheMemberRepliesTheTeamAcceptsAndBothSeeTheThreadAndEveryEventIsPublished()
            throws Exception {
        Registered member = api().register("Eleni", "kozani");
        Registered teamMember = teamMember("kozani");
        String team = api().logIn(teamMember);

        String id = offer(member.token(), OFFER).andExpect(status().isCreated())
                .andExpect(header().string("Location", Matchers.startsWith("/api/community/collaboration-requests/")))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.city").value("kozani"))
                .andExpect(jsonPath("$.idea").value("Three schools,\none roof each"))
                .andReturn().getResponse().getContentAsString();
        id = JsonPath.read(id, "$.id");

        answer(team, id, "{\"answer\":\"MORE_INFO\",\"message\":\"Which schools?\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("MORE_INFO_REQUESTED"));
        message(member.token(), id, "The three in the centre").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"));
        list(team, "kozani", "OPEN").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id=='" + id + "')].messageCount").value(Matchers.contains(2)));
        answer(team, id, "{\"answer\":\"ACCEPTED\",\"message\":\"Welcome!\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.answeredBy").value(teamMember.id()));
        message(member.token(), id, "Thank you").andExpect(status().isCreated());

        for (String reader : List.of(member.token(), team, api().admin())) {
            read(reader, id).andExpect(status().isOk())
                    .andExpect(jsonPath("$.messages[*].text").value(Matchers.contains("Which schools?",
                            "The three in the centre", "Welcome!", "Thank you")))
                    .andExpect(jsonPath("$.messages[*].side").value(Matchers.contains("TRANSITION_TEAM", "MEMBER",
                            "TRANSITION_TEAM", "MEMBER")))
                    .andExpect(jsonPath("$.messages[0].authorId").value(teamMember.id()));
        }
        answer(team, id, "{\"answer\":\"DECLINED\"}").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "already-answered"));

        String requestId = id;
        var published = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_COLLABORATIONS_TOPIC, record -> requestId.equals(record.key()), 3,
                Duration.ofSeconds(20));
        assertThat(published).extracting(record -> TopicReader.header(record, "ce_type")).containsExactly(
                EventCatalog.COLLABORATION_REQUESTED.type(), EventCatalog.COLLABORATION_ANSWERED.type(),
                EventCatalog.COLLABORATION_ANSWERED.type());
        assertThat(published).extracting(record -> JsonPath.<Map<String, Object>>read(record.value(), "$"))
                .satisfiesExactly(
                        requested -> assertThat(requested).containsEntry("memberId", member.id())
                                .containsEntry("city", "kozani").containsEntry("topic", "Solar panels on school roofs"),
                        moreInfo -> assertThat(moreInfo).containsEntry("answer", "MORE_INFO")
                                .containsEntry("answeredBy", teamMember.id()),
                        accepted -> assertThat(accepted).containsEntry("answer", "ACCEPTED")
                                .containsEntry("memberId", member.id()));
    }

    @Test
    void onlyTheCitysTransitionTeamOrAnAdminAnswersAndAStrangerCannotReadTheRequest() throws Exception {
        Registered member = api().register("Eleni", "kozani");
        String id = offerId(member.token());
        String otherCitysTeam = api().logIn(teamMember("trikala"));
        String stranger = api().register("Nikos", "kozani").token();
        Registered frontrunner = api().register("Fani", "kozani");
        api().grant(frontrunner.id(), "FRONTRUNNER", "kozani");
        String frontrunnerToken = api().logIn(frontrunner);

        for (String outsider : List.of(otherCitysTeam, stranger, frontrunnerToken)) {
            read(outsider, id).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            message(outsider, id, "let me in").andExpect(status().isNotFound());
            answer(outsider, id, "{\"answer\":\"ACCEPTED\"}").andExpect(status().isNotFound());
            list(outsider, "kozani", null).andExpect(status().isForbidden());
        }
        answer(member.token(), id, "{\"answer\":\"ACCEPTED\"}").andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        list(member.token(), "kozani", null).andExpect(status().isForbidden());
        read(member.token(), id).andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.messages").isEmpty());

        answer(api().admin(), id, "{\"answer\":\"DECLINED\",\"message\":\"Not this year\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECLINED"));
        message(member.token(), id, "Why not?").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(ApiProblem.TYPE_BASE + "request-declined"));
        list(otherCitysTeam, "trikala", null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id=='" + id + "')]").isEmpty());
    }

    /** At the default quota, 5 per 24 h: a member cannot flood their city's transition team. */
    @Test
    void aMemberWhoOfferedFiveTimesInADayIsRefused429AndNothingIsOpened() throws Exception {
        Registered member = api().register("Eleni", "trikala");
        for (int i = 0; i < 5; i++) {
            offerId(member.token());
        }

        offer(member.token(), OFFER)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/too-many-collaboration-requests"))
                .andExpect(header().exists("Retry-After"));
        http.perform(get("/api/community/collaboration-requests/mine").with(bearer(member.token())))
                .andExpect(jsonPath("$.total").value(5));
    }

    @Test
    void aMemberSeesTheirOwnRequestsNewestActivityFirst() throws Exception {
        Registered member = api().register("Eleni", "trikala");
        String first = offerId(member.token());
        String second = offerId(member.token());
        offerId(api().register("Nikos", "trikala").token());
        message(member.token(), first, "An update").andExpect(status().isCreated());

        http.perform(get("/api/community/collaboration-requests/mine").with(bearer(member.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(first, second)));
        http.perform(get("/api/community/collaboration-requests/mine").param("status", "ACCEPTED")
                        .with(bearer(member.token())))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aMembersRequestsAreInTheirExportAndGoWithTheirAccountWhileTheirWordsAsTeamStayWithoutTheirId()
            throws Exception {
        Registered member = api().register("Eleni", "trikala");
        Registered teamMember = teamMember("trikala");
        String team = api().logIn(teamMember);
        String own = offerId(member.token());
        String asked = offerId(api().register("Nikos", "trikala").token());
        answer(team, asked, "{\"answer\":\"MORE_INFO\",\"message\":\"Tell us more\"}").andExpect(status().isOk());
        String teamOwn = offerId(team);

        http.perform(get("/api/community/members/me/export").with(bearer(member.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.collaborationRequests.requests[*].id").value(Matchers.contains(own)));
        http.perform(get("/api/community/members/me/export").with(bearer(team)))
                .andExpect(jsonPath("$.sections.collaborationRequests.requests[*].id").value(Matchers.contains(teamOwn)))
                .andExpect(jsonPath("$.sections.collaborationRequests.messagesInOthersRequests[0].requestId")
                        .value(asked))
                .andExpect(jsonPath("$.sections.collaborationRequests.messagesInOthersRequests[0].message.text")
                        .value("Tell us more"));

        for (String token : List.of(member.token(), team)) {
            http.perform(delete("/api/community/members/me").with(bearer(token))).andExpect(status().isNoContent());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(requests.export(member.id())).containsEntry("requests", List.of());
            assertThat(requests.export(teamMember.id())).containsEntry("requests", List.of())
                    .containsEntry("messagesInOthersRequests", List.of());
        });
        read(api().admin(), asked).andExpect(status().isOk())
                .andExpect(jsonPath("$.messages[0].text").value("Tell us more"))
                .andExpect(jsonPath("$.messages[0].authorId").doesNotExist())
                .andExpect(jsonPath("$.answeredBy").doesNotExist());
    }

    private ResultActions offer(String token, String body) throws Exception {
        return http.perform(json(post("/api/community/collaboration-requests"), body).with(bearer(token)));
    }

    private String offerId(String token) throws Exception {
        return JsonPath.read(offer(token, OFFER).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");
    }

    private ResultActions answer(String token, String id, String body) throws Exception {
        return http.perform(json(post("/api/community/collaboration-requests/{id}/answer", id), body)
                .with(bearer(token)));
    }

    private ResultActions message(String token, String id, String text) throws Exception {
        return http.perform(json(post("/api/community/collaboration-requests/{id}/messages", id),
                "{\"text\":\"" + text + "\"}").with(bearer(token)));
    }

    private ResultActions read(String token, String id) throws Exception {
        return http.perform(get("/api/community/collaboration-requests/{id}", id).with(bearer(token)));
    }

    private ResultActions list(String token, String city, String status) throws Exception {
        var request = get("/api/community/collaboration-requests").param("size", "100").with(bearer(token));
        if (city != null) {
            request.param("city", city);
        }
        if (status != null) {
            request.param("status", status);
        }
        return http.perform(request);
    }

    private Registered teamMember(String city) throws Exception {
        Registered member = api().register("Team", city);
        api().grant(member.id(), "TRANSITION_TEAM", city);
        return member;
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }
}
