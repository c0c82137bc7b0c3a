package org.netzerocities.community.frontrunner;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrantRequest;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Frontrunner requests through the API, against the real broker and database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class FrontrunnerRequestFlowTest {

    private static final Caller ADMIN = Fixtures.ADMIN;

    @Autowired
    MockMvc http;
    @Autowired
    MemberService members;
    @Autowired
    FrontrunnerRequests requests;
    @Autowired
    TokenIssuer tokens;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void theCitysTransitionTeamGrantsARequestWhichMakesTheMemberAFrontrunnerAndTellsEveryone() throws Exception {
        Member citizen = register("cluj-napoca");
        String team = tokenOf(transitionTeam("cluj-napoca"));

        String id = ask(tokenOf(citizen), "{\"motivation\":\"I run the repair café\\nevery Saturday\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.city").value("cluj-napoca"))
                .andExpect(jsonPath("$.memberId").value(citizen.id()))
                .andExpect(jsonPath("$.answeredBy").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String requestId = JsonPath.read(id, "$.id");
        http.perform(get("/api/community/frontrunner-requests").param("city", "cluj-napoca")
                        .param("status", "PENDING").param("size", "100").header("Authorization", "Bearer " + team))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id=='" + requestId + "')].motivation")
                        .value("I run the repair café\nevery Saturday"));

        answer(team, requestId, "{\"answer\":\"GRANTED\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"))
                .andExpect(jsonPath("$.answeredBy").exists());

        assertThat(members.get(citizen.id()).holds(Role.FRONTRUNNER, "cluj-napoca")).isTrue();
        List<String> types = publishedFor(citizen.id(), 4).stream()
                .map(r -> TopicReader.header(r, "ce_type")).toList();
        assertThat(types).containsSubsequence(EventCatalog.MEMBER_JOINED.type(),
                EventCatalog.FRONTRUNNER_REQUESTED.type());
        assertThat(types).contains(EventCatalog.MEMBER_ROLE_GRANTED.type(),
                EventCatalog.FRONTRUNNER_REQUEST_ANSWERED.type());
        // a frontrunner already cannot ask again
        ask(tokenOf(citizen), "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(problem("already-frontrunner")));
    }

    @Test
    void aMemberHasOnePendingRequestAtMostAndMayAskAgainOnceDeclined() throws Exception {
        Member citizen = register("malmo");
        String token = tokenOf(citizen);
        String first = JsonPath.read(ask(token, "{}").andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");

        ask(token, "{\"motivation\":\"again\"}").andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(problem("request-pending")));

        answer(tokenOf(ADMIN), first, "{\"answer\":\"DECLINED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLINED"));
        assertThat(members.get(citizen.id()).holds(Role.FRONTRUNNER, "malmo")).isFalse();
        ask(token, "{}").andExpect(status().isCreated());
        http.perform(get("/api/community/frontrunner-requests/mine").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].status").value("PENDING"))
                .andExpect(jsonPath("$.items[1].status").value("DECLINED"));
        http.perform(get("/api/community/members/me/export").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.frontrunnerRequests[*].status").value(
                        org.hamcrest.Matchers.contains("DECLINED", "PENDING")));
    }

    /** As two instances would take two requests of one member at once: the unique slot lets one through. */
    @Test
    void ofConcurrentRequestsOfOneMemberExactlyOneSucceeds() throws Exception {
        Member citizen = register("cluj-napoca");
        var start = new CountDownLatch(1);
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    requests.request(citizen.id(), null);
                    return "created";
                }
                catch (ApiProblem problem) {
                    return problem.getBody().getType().toString();
                }
                catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
            }));
        }
        start.countDown();

        List<String> outcomes = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(problem("request-pending")::equals).hasSize(5);
        assertThat(requests.export(citizen.id())).hasSize(1);
    }

    /** As two instances would take answers of two team members at once: one wins, and the role matches it. */
    @Test
    void ofConcurrentAnswersExactlyOneWinsAndTheMembersRoleMatchesIt() throws Exception {
        Member citizen = register("cluj-napoca");
        Caller team = members.get(transitionTeam("cluj-napoca").id()).asCaller();
        String id = requests.request(citizen.id(), null).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> requests.export(citizen.id()).size() == 1
                && mongo.findById(id, FrontrunnerRequest.class).outbox().isEmpty());
        var start = new CountDownLatch(1);
        List<CompletableFuture<String>> attempts = new ArrayList<>();
        for (FrontrunnerRequest.Answer answer : List.of(FrontrunnerRequest.Answer.GRANTED,
                FrontrunnerRequest.Answer.DECLINED, FrontrunnerRequest.Answer.GRANTED,
                FrontrunnerRequest.Answer.DECLINED)) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return requests.answer(id, answer, team).status().name();
                }
                catch (ApiProblem problem) {
                    return problem.getBody().getType().toString();
                }
                catch (OptimisticLockingFailureException lostEveryRetry) {
                    return "conflict";
                }
                catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
            }));
        }
        start.countDown();

        List<String> outcomes = attempts.stream().map(CompletableFuture::join).toList();
        String status = requests.export(citizen.id()).get(0).status();
        assertThat(outcomes).filteredOn(status::equals).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !outcome.equals(status))
                .allMatch(outcome -> outcome.equals(problem("already-answered")) || outcome.equals("conflict"));
        assertThat(members.get(citizen.id()).holds(Role.FRONTRUNNER, "cluj-napoca"))
                .isEqualTo(status.equals("GRANTED"));
    }

    @Test
    void anAnsweredRequestCannotBeAnsweredAgain() throws Exception {
        Member citizen = register("cluj-napoca");
        String team = tokenOf(transitionTeam("cluj-napoca"));
        String id = requests.request(citizen.id(), null).id();
        answer(team, id, "{\"answer\":\"GRANTED\"}").andExpect(status().isOk());

        answer(team, id, "{\"answer\":\"DECLINED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(problem("already-answered")));
        answer(tokenOf(ADMIN), id, "{\"answer\":\"GRANTED\"}").andExpect(status().isConflict());
        assertThat(publishedFor(citizen.id(), 99).stream().map(r -> TopicReader.header(r, "ce_type"))
                .filter(EventCatalog.MEMBER_ROLE_GRANTED.type()::equals)).hasSize(1);
    }

    @Test
    void aMemberWhoMovedToAnotherCityCannotBeGrantedTheOldOnesRequestButItMayBeDeclined() throws Exception {
        Member citizen = register("cluj-napoca");
        String team = tokenOf(transitionTeam("cluj-napoca"));
        String id = requests.request(citizen.id(), null).id();
        http.perform(patch("/api/community/members/me").header("Authorization", "Bearer " + tokenOf(citizen))
                .contentType(MediaType.APPLICATION_JSON).content("{\"city\":\"malmo\"}")).andExpect(status().isOk());

        answer(team, id, "{\"answer\":\"GRANTED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(problem("member-moved")));
        assertThat(members.get(citizen.id()).roles()).noneMatch(grant -> grant.role() == Role.FRONTRUNNER);
        answer(team, id, "{\"answer\":\"DECLINED\"}").andExpect(status().isOk());
    }

    /** A crash after the grant and before the request closed leaves it decided and pending; answering again ends it. */
    @Test
    void anAnswerInterruptedAfterTheGrantIsCompletedByAnsweringAgain() throws Exception {
        Member citizen = register("cluj-napoca");
        Member teamMember = transitionTeam("cluj-napoca");
        String id = requests.request(citizen.id(), null).id();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("answer", "GRANTED").set("answeredBy", teamMember.id()).inc("version", 1),
                FrontrunnerRequest.class);
        members.grantRole(citizen.id(), new RoleGrantRequest(Role.FRONTRUNNER, "cluj-napoca"),
                members.get(teamMember.id()).asCaller());

        answer(tokenOf(teamMember), id, "{\"answer\":\"DECLINED\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(problem("already-answered")));
        answer(tokenOf(teamMember), id, "{\"answer\":\"GRANTED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("GRANTED"));

        List<String> types = publishedFor(citizen.id(), 4).stream().map(r -> TopicReader.header(r, "ce_type")).toList();
        assertThat(types).filteredOn(EventCatalog.MEMBER_ROLE_GRANTED.type()::equals).hasSize(1);
        assertThat(types).contains(EventCatalog.FRONTRUNNER_REQUEST_ANSWERED.type());
    }

    @Test
    void theTransitionTeamOfAnotherCityAndPlainMembersMayNeitherListNorAnswer() throws Exception {
        Member citizen = register("cluj-napoca");
        String elsewhere = tokenOf(transitionTeam("malmo"));
        String member = tokenOf(register("cluj-napoca"));
        String frontrunner = tokenOf(members.grantRole(register("cluj-napoca").id(),
                new RoleGrantRequest(Role.FRONTRUNNER, "cluj-napoca"), ADMIN));
        String id = requests.request(citizen.id(), null).id();

        for (String token : List.of(elsewhere, member, frontrunner, tokenOf(citizen))) {
            list(token, "cluj-napoca").andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            for (String answer : List.of("GRANTED", "DECLINED")) {
                answer(token, id, "{\"answer\":\"" + answer + "\"}").andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
        }
        list(elsewhere, null).andExpect(status().isForbidden());
        http.perform(get("/api/community/frontrunner-requests").param("city", "cluj-napoca"))
                .andExpect(status().isUnauthorized());
        assertThat(members.get(citizen.id()).holds(Role.FRONTRUNNER, "cluj-napoca")).isFalse();
        assertThat(requests.export(citizen.id())).singleElement()
                .satisfies(request -> assertThat(request.status()).isEqualTo("PENDING"));
        list(elsewhere, "malmo").andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id=='" + id + "')]").isEmpty());
        list(tokenOf(ADMIN), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    void anErasedMembersRequestsAreRemoved() throws Exception {
        Member citizen = register("cluj-napoca");
        requests.request(citizen.id(), "my motivation");

        http.perform(delete("/api/community/members/me").header("Authorization", "Bearer " + tokenOf(citizen)))
                .andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(requests.export(citizen.id())).isEmpty());
    }

    private ResultActions ask(String token, String body) throws Exception {
        return http.perform(post("/api/community/frontrunner-requests").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions answer(String token, String id, String body) throws Exception {
        return http.perform(post("/api/community/frontrunner-requests/{id}/answer", id)
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions list(String token, String city) throws Exception {
        var request = get("/api/community/frontrunner-requests").header("Authorization", "Bearer " + token);
        return http.perform(city == null ? request : request.param("city", city));
    }

    private List<ConsumerRecord<String, String>> publishedFor(String memberId, int expected) {
        return TopicReader.read(String.join(",", kafka.getBootstrapServers()), EventCatalog.COMMUNITY_MEMBERS_TOPIC,
                r -> memberId.equals(r.key()), expected, Duration.ofSeconds(expected > 10 ? 5 : 20));
    }

    static String problem(String type) {
        return ApiProblem.TYPE_BASE + type;
    }

    Member register(String city) throws Exception {
        return fixtures().register(city);
    }

    Member transitionTeam(String city) throws Exception {
        return fixtures().transitionTeam(city);
    }

    String tokenOf(Member member) {
        return fixtures().tokenOf(member);
    }

    String tokenOf(Caller caller) {
        return fixtures().tokenOf(caller);
    }

    private Fixtures fixtures() {
        return new Fixtures(http, members, tokens);
    }
}
