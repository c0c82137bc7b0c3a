package org.netzerocities.community.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Logging in, refreshing, logging out and the member's sessions, through the routes, on the real database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class SessionFlowTest {

    static final String INVALID_REFRESH_TOKEN = "https://netzerocities.eu/problems/invalid-refresh-token";

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JwtDecoder jwts;

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    /** A log-in from a device: {@code {accessToken, refreshToken, ...}}. */
    private Pair logIn(CommunityApi.Registered member, String userAgent) throws Exception {
        return Pair.of(http.perform(json(post("/api/community/auth/token"),
                        "{\"email\":\"" + member.email() + "\",\"password\":\"" + CommunityApi.PASSWORD + "\"}")
                        .header(HttpHeaders.USER_AGENT, userAgent))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private ResultActions refresh(String refreshToken) throws Exception {
        return http.perform(json(post("/api/community/auth/refresh"), "{\"refreshToken\":\"" + refreshToken + "\"}"));
    }

    private Pair refreshed(String refreshToken) throws Exception {
        return Pair.of(refresh(refreshToken).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private void refused(String refreshToken) throws Exception {
        refresh(refreshToken).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(INVALID_REFRESH_TOKEN));
    }

    private List<String> sessionIds(String accessToken) throws Exception {
        return JsonPath.read(http.perform(get("/api/community/members/me/sessions").with(bearer(accessToken)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.items[*].id");
    }

    @Test
    void aRefreshGivesANewPairOfTheSameSessionWithTheMembersCurrentRoles() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair login = logIn(ana, "Firefox");
        api().grant(ana.id(), "ADMIN", null);

        String body = refresh(login.refreshToken()).andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(900))
                .andExpect(jsonPath("$.refreshExpiresIn").value(30 * 24 * 3600))
                .andReturn().getResponse().getContentAsString();

        Pair renewed = Pair.of(body);
        assertThat(renewed.refreshToken()).isNotEqualTo(login.refreshToken());
        var access = jwts.decode(renewed.accessToken());
        assertThat(access.getSubject()).isEqualTo(ana.id());
        assertThat(access.getClaimAsStringList("roles")).contains("ADMIN");
        assertThat(access.getClaimAsString("sid")).isEqualTo(jwts.decode(login.accessToken()).getClaimAsString("sid"));
        http.perform(get("/api/community/members/me").with(bearer(renewed.accessToken()))).andExpect(status().isOk());
    }

    @Test
    void theRegistrationsRefreshTokenWorksOnceAndItsReuseLaterEndsTheSession() throws Exception {
        String registered = http.perform(json(post("/api/community/members"), """
                        {"email":"%s","password":"%s","displayName":"Bo","city":"malmo","languages":["sv"],
                         "interests":["energy"],%s}""".formatted(CommunityApi.uniqueEmail("bo"), CommunityApi.PASSWORD,
                        CommunityApi.consent(http))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.refreshExpiresIn").value(30 * 24 * 3600))
                .andReturn().getResponse().getContentAsString();
        String first = JsonPath.read(registered, "$.refreshToken");
        String current = refreshed(first).refreshToken();

        refused(first); // at once: a race's loser, which ends nothing
        String later = refreshed(refreshed(current).refreshToken()).refreshToken();
        // the first token's exchange, moments ago, as if long past: presenting it again is a copy in other hands
        mongo.updateFirst(Query.query(Criteria.where("_id").is(Sessions.hash(first))),
                Update.update(RefreshToken.ROTATED_AT, Instant.parse("2020-01-01T00:00:00Z")), RefreshToken.class);

        refused(first);
        refused(later);
    }

    @Test
    void logOutEndsTheSessionAndAnswersNoContentWhateverTheToken() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair phone = logIn(ana, "Phone");
        Pair laptop = logIn(ana, "Laptop");

        http.perform(json(post("/api/community/auth/logout"), "{\"refreshToken\":\"" + phone.refreshToken() + "\"}"))
                .andExpect(status().isNoContent());
        http.perform(json(post("/api/community/auth/logout"), "{\"refreshToken\":\"" + phone.refreshToken() + "\"}"))
                .andExpect(status().isNoContent());
        http.perform(json(post("/api/community/auth/logout"), "{\"refreshToken\":\"no-such-token\"}"))
                .andExpect(status().isNoContent());

        refused(phone.refreshToken());
        refreshed(laptop.refreshToken());
    }

    @Test
    void theSessionsListShowsEachDeviceAndWhichOneIsTheCallers() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair phone = logIn(ana, "Phone browser " + "x".repeat(300));
        Pair laptop = logIn(ana, "Laptop browser");
        logIn(api().register("Bo", "malmo"), "Someone else's");

        http.perform(get("/api/community/members/me/sessions").with(bearer(laptop.accessToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].userAgent").value("Laptop browser"))
                .andExpect(jsonPath("$.items[0].current").value(true))
                .andExpect(jsonPath("$.items[1].userAgent").value("Phone browser " + "x".repeat(242)))
                .andExpect(jsonPath("$.items[1].current").value(false))
                .andExpect(jsonPath("$.items[1].createdAt").isString())
                .andExpect(jsonPath("$.items[1].lastUsedAt").isString())
                .andExpect(jsonPath("$.items[2].userAgent").doesNotExist())
                .andExpect(jsonPath("$.items[*].refreshToken").doesNotExist());
        http.perform(get("/api/community/members/me/sessions").param("size", "1").param("page", "1")
                        .with(bearer(phone.accessToken())))
                .andExpect(jsonPath("$.items[0].userAgent").value("Phone browser " + "x".repeat(242)))
                .andExpect(jsonPath("$.items[0].current").value(true))
                .andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void endingOneSessionStopsOnlyItsRefreshTokenAndAnotherMembersSessionIsNotFound() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair phone = logIn(ana, "Phone");
        Pair laptop = logIn(ana, "Laptop");
        CommunityApi.Registered bo = api().register("Bo", "malmo");
        Pair bos = logIn(bo, "Bo's");
        String phoneSession = jwts.decode(phone.accessToken()).getClaimAsString("sid");
        String bosSession = jwts.decode(bos.accessToken()).getClaimAsString("sid");

        http.perform(delete("/api/community/members/me/sessions/{id}", bosSession).with(bearer(laptop.accessToken())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(delete("/api/community/members/me/sessions/{id}", phoneSession).with(bearer(laptop.accessToken())))
                .andExpect(status().isNoContent());

        refused(phone.refreshToken());
        refreshed(laptop.refreshToken());
        refreshed(bos.refreshToken());
        assertThat(sessionIds(laptop.accessToken())).doesNotContain(phoneSession).hasSize(2);
    }

    @Test
    void endingAllSessionsVoidsEveryRefreshTokenOfTheMemberUntilTheirNextLogIn() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair phone = logIn(ana, "Phone");
        Pair laptop = logIn(ana, "Laptop");
        CommunityApi.Registered bo = api().register("Bo", "malmo");
        Pair bos = logIn(bo, "Bo's");

        http.perform(delete("/api/community/members/me/sessions").with(bearer(laptop.accessToken())))
                .andExpect(status().isNoContent());

        refused(phone.refreshToken());
        refused(laptop.refreshToken());
        refreshed(bos.refreshToken());
        Pair again = logIn(ana, "Laptop");
        assertThat(sessionIds(again.accessToken())).singleElement()
                .isEqualTo(jwts.decode(again.accessToken()).getClaimAsString("sid"));
        refreshed(again.refreshToken());
    }

    @Test
    void anErasedOrSuspendedMembersSessionIsNotRenewed() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair anas = logIn(ana, "Phone");
        CommunityApi.Registered bo = api().register("Bo", "malmo");
        Pair bos = logIn(bo, "Phone");

        http.perform(delete("/api/community/members/me").with(bearer(anas.accessToken())))
                .andExpect(status().isNoContent());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(bo.id())), Update.update("suspendedAt", Instant.now()),
                "members");

        refused(anas.refreshToken());
        refused(bos.refreshToken());
    }

    @Test
    void theExportListsTheMembersSessionsAndAnErasureRemovesThem() throws Exception {
        CommunityApi.Registered ana = api().register("Ana", "cluj-napoca");
        Pair phone = logIn(ana, "Phone browser");
        http.perform(get("/api/community/members/me/export").with(bearer(phone.accessToken())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.sessions[*].userAgent", Matchers.hasItem("Phone browser")))
                .andExpect(jsonPath("$.sections.sessions[*].memberId", Matchers.everyItem(Matchers.is(ana.id()))));

        http.perform(delete("/api/community/members/me").with(bearer(phone.accessToken())))
                .andExpect(status().isNoContent());

        Query anas = Query.query(Criteria.where("memberId").is(ana.id()));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(mongo.exists(anas, Session.class)).isFalse();
            assertThat(mongo.exists(anas, RefreshToken.class)).isFalse();
        });
    }

    @Test
    void theSessionRoutesNeedTheMembersToken() throws Exception {
        http.perform(get("/api/community/members/me/sessions")).andExpect(status().isUnauthorized());
        http.perform(delete("/api/community/members/me/sessions")).andExpect(status().isUnauthorized());
        http.perform(delete("/api/community/members/me/sessions/{id}", "x")).andExpect(status().isUnauthorized());
        http.perform(get("/api/community/members/me/sessions").with(bearer(api().register("Cy", "malmo").token())))
                .andExpect(jsonPath("$.items[*].current", Matchers.contains(true)));
    }

    @Test
    void theApiDocsDescribeTheRoutesAndTakeTheSessionFromTheTokenNotFromParameters() throws Exception {
        http.perform(get("/api/community/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/community/auth/refresh'].post").exists())
                .andExpect(jsonPath("$.paths['/api/community/auth/logout'].post").exists())
                .andExpect(jsonPath("$.paths['/api/community/members/me/sessions'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/community/members/me/sessions/{id}'].delete").exists())
                .andExpect(jsonPath("$.paths['/api/community/members/me/sessions'].get.parameters[*].name",
                        Matchers.containsInAnyOrder("page", "size")));
    }

    record Pair(String accessToken, String refreshToken) {

        static Pair of(String body) {
            return new Pair(JsonPath.read(body, "$.accessToken"), JsonPath.read(body, "$.refreshToken"));
        }
    }
}
