package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Registration and log-in against the real broker and database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MemberRegistrationTest {

    @Autowired
    MockMvc http;
    @Autowired
    MemberRepository members;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void theRequestsTraceTravelsWithTheEventItCaused() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                        .content(registration(http, unique("trace"), "cluj-napoca")))
                .andExpect(status().isCreated())
                .andExpect(header().string("traceparent", org.hamcrest.Matchers.startsWith("00-" + traceId + "-")))
                .andReturn().getResponse().getContentAsString();
        String memberId = JsonPath.read(body, "$.member.id");

        var published = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));

        assertThat(TopicReader.header(published.get(0), "ce_traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void theOutboxOperatorEndpointIsForAdminsOnly() throws Exception {
        http.perform(get("/actuator/outbox")).andExpect(status().isUnauthorized());
        http.perform(get("/actuator/outbox").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MEMBER"))))
                .andExpect(status().isForbidden());
        http.perform(get("/actuator/outbox").with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parkedCount").value(0));
        http.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void reDrivingAParkedEventThatDoesNotExistIsANotFoundProblem() throws Exception {
        var admin = jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
        for (String id : List.of("no-such-event", "{\"$ne\":null}", "x".repeat(5_000), "bad\u0001id")) {
            http.perform(post("/actuator/outbox/{id}", id).with(admin))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        http.perform(post("/actuator/outbox/{id}", "no-such-event")
                        .with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MEMBER"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void registeredMemberGetsATokenAndMemberJoinedIsPublishedAsCloudEvent() throws Exception {
        String email = unique("ana");
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, email, "cluj-napoca")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/community/members/")))
                .andExpect(jsonPath("$.member.email").value(email))
                .andExpect(jsonPath("$.member.roles[0].role").value("MEMBER"))
                .andExpect(jsonPath("$.member.directoryVisible").value(false))
                .andExpect(jsonPath("$.member.passwordHash").doesNotExist())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(900))
                .andExpect(jsonPath("$.refreshToken").isString())
                .andReturn().getResponse().getContentAsString();
        String memberId = JsonPath.read(body, "$.member.id");
        String token = JsonPath.read(body, "$.accessToken");

        http.perform(get("/api/community/members/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(memberId))
                .andExpect(jsonPath("$.city").value("cluj-napoca"));

        var published = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(published).hasSize(1);
        var record = published.get(0);
        assertThat(TopicReader.header(record, "ce_type")).isEqualTo("org.netzerocities.community.member.joined.v1");
        assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/community-service");
        assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(TopicReader.header(record, "ce_subject")).isEqualTo(memberId);
        assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
        assertThat(TopicReader.header(record, "ce_time")).isNotBlank();
        assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
        // no contact data on a public topic: the email travels only on the internal contact topic
        assertThat(record.value()).doesNotContain(email).contains("\"city\":\"cluj-napoca\"");
        var contact = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(contact.get(0).value()).contains("\"email\":\"" + email + "\"")
                .contains("\"timeZone\":\"Europe/Bucharest\"");
        // once sent, the event no longer waits in the member's outbox
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> members.findById(memberId).orElseThrow().outbox().isEmpty());
    }

    @Test
    void secondRegistrationWithTheSameEmailIsAConflict() throws Exception {
        String email = unique("dup");
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                .content(registration(http, email, "malmo"))).andExpect(status().isCreated());

        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, email.toUpperCase(), "malmo")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/email-taken"));
    }

    @Test
    void invalidRegistrationIsRejectedFieldByFieldAndStoresNothing() throws Exception {
        long before = members.count();

        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not-an-email\",\"password\":\"short\",\"displayName\":\"\","
                                + "\"city\":\"cluj-napoca\",\"languages\":[\"romanian\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems(
                        "email", "password", "displayName", "languages[0]")));

        assertThat(members.count()).isEqualTo(before);
    }

    @Test
    void unknownCityAndMalformedJsonAreBadRequests() throws Exception {
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, unique("x"), "atlantis")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("city"));
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content("{\"email\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void logInWithRightPasswordOnly() throws Exception {
        String email = unique("login");
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                .content(registration(http, email, "malmo"))).andExpect(status().isCreated());

        http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accessToken").isNotEmpty());
        http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"wrong password!\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"nobody@example.org\",\"password\":\"correct horse battery\"}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void protectedRoutesNeedAValidToken() throws Exception {
        http.perform(get("/api/community/members/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        http.perform(get("/api/community/members/me").header("Authorization", "Bearer not.a.token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void publishesItsSigningKeysAndTheCities() throws Exception {
        http.perform(get("/api/community/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.keys[0].kty").value("RSA"))
                .andExpect(jsonPath("$.keys[0].d").doesNotExist());
        http.perform(get("/api/community/cities").param("size", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(112))
                .andExpect(jsonPath("$.items.length()").value(100));
        http.perform(get("/api/community/cities").param("country", "RO"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.hasItem("cluj-napoca")));
        http.perform(get("/api/community/cities").param("size", "500"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void apiDocsDescribeTheRoutesAndTheBearerTokens() throws Exception {
        http.perform(get("/api/community/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/community/members']").exists())
                // the caller comes from the token, not from request parameters
                .andExpect(jsonPath("$.paths['/api/community/members/me'].get.parameters").doesNotExist())
                .andExpect(jsonPath("$.components.securitySchemes.bearer-jwt.scheme").value("bearer"));
    }

    @Test
    void registrationAnswersWithTheStoredJoinTime() throws Exception {
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                .content(registration(http, unique("time"), "malmo"))).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(body, "$.accessToken");

        http.perform(get("/api/community/members/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.joinedAt").value((String) JsonPath.read(body, "$.member.joinedAt")));
    }

    @Test
    void anUnknownCallCodeIsRefusedAndNothingIsStored() throws Exception {
        String email = unique("nocall");
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, email, "cluj-napoca").replace("}", ",\"callCode\":\"CLUJ-NONE1\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("callCode"));

        assertThat(members.findByEmail(email)).isEmpty();
    }

    @Test
    void aCallCodeAttributesTheMemberInItsCityOnlyWhateverItsCase() throws Exception {
        String admin = new org.netzerocities.community.CommunityApi(http).admin();
        String launched = http.perform(post("/api/community/calls").header("Authorization", "Bearer " + admin)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"city":"cluj-napoca","title":"Cluj needs you","message":"Join us","topics":["energy"],
                                 "closesAt":"%s"}""".formatted(java.time.OffsetDateTime.now().plusDays(30))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String code = JsonPath.read(launched, "$.code");

        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, unique("elsewhere"), "malmo").replace("}", ",\"callCode\":\"" + code + "\"}")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("callCode"));
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, unique("called"), "cluj-napoca")
                                .replace("}", ",\"callCode\":\"" + code.toLowerCase(java.util.Locale.ROOT) + "\"}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.member.callCode").value(code))
                .andReturn().getResponse().getContentAsString();
        String memberId = JsonPath.read(body, "$.member.id");

        var joined = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(joined.get(0).value()).contains("\"callCode\":\"" + code + "\"");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http
                .perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/community/calls/{code}", code))
                .andExpect(jsonPath("$.joins").value(1)));
    }

    @Test
    void theCampaignReferenceIsRecordedAndPassedOnUnvalidated() throws Exception {
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content(registration(http, unique("campaign"), "cluj-napoca")
                                .replace("}", ",\"campaignRef\":\"nzc-spring-2027.ig\"}")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String memberId = JsonPath.read(body, "$.member.id");

        var joined = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MEMBERS_TOPIC, r -> memberId.equals(r.key()), 1, Duration.ofSeconds(20));
        assertThat(joined.get(0).value()).contains("\"campaignRef\":\"nzc-spring-2027.ig\"");
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String registration(MockMvc http, String email, String city) throws Exception {
        return """
                {"email":"%s","password":"correct horse battery","displayName":"Ana Pop","city":"%s",
                 "languages":["ro","en"],"interests":["energy"],%s}""".formatted(email, city,
                CommunityApi.consent(http));
    }
}
