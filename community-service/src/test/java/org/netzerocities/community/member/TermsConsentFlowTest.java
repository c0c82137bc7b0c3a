package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.hamcrest.Matchers;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/** Consent at sign-up and again after a new version of the terms, against the real broker and database. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class TermsConsentFlowTest {

    @Autowired
    MockMvc http;
    @Autowired
    MemberRepository members;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void anyoneReadsTheTermsInForceWithTheMinimumAge() throws Exception {
        http.perform(get("/api/community/terms"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(Matchers.greaterThanOrEqualTo(1)))
                .andExpect(jsonPath("$.text").isNotEmpty())
                .andExpect(jsonPath("$.minimumAge").value(16));
        http.perform(get("/api/community/terms/versions/1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.text").value(Matchers.containsString("privacy notice")));
        http.perform(get("/api/community/terms/versions/100000"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void withoutAcceptingTheTermsInForceAndConfirmingTheAgeNobodyJoins() throws Exception {
        String email = CommunityApi.uniqueEmail("minor");
        int current = CommunityApi.currentTerms(http);

        register(email, "").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder(
                        "termsVersion", "minimumAgeConfirmed")))
                .andExpect(jsonPath("$.errors[?(@.field == 'minimumAgeConfirmed')].message")
                        .value(Matchers.contains(Matchers.containsString("at least 16 years old"))));
        register(email, ",\"termsVersion\":" + current + ",\"minimumAgeConfirmed\":false")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("minimumAgeConfirmed")));
        register(email, ",\"termsVersion\":" + (current + 1) + ",\"minimumAgeConfirmed\":true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("termsVersion")));

        assertThat(members.findByEmail(email)).isEmpty();
    }

    @Test
    void aMemberJoinsWithTheVersionInForceAndIsNotAskedAgain() throws Exception {
        String email = CommunityApi.uniqueEmail("joiner");
        int current = CommunityApi.currentTerms(http);

        String token = JsonPath.read(register(email, "," + CommunityApi.consent(http))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.member.termsVersion").value(current))
                .andExpect(jsonPath("$.member.termsAcceptanceRequired").value(false))
                .andReturn().getResponse().getContentAsString(), "$.accessToken");

        assertThat(members.findByEmail(email).orElseThrow().termsVersion()).isEqualTo(current);
        logIn(email).andExpect(jsonPath("$.termsAcceptanceRequired").value(false));
        http.perform(get("/api/community/members/me").with(bearer(token)))
                .andExpect(jsonPath("$.termsVersion").value(current))
                .andExpect(jsonPath("$.termsAcceptanceRequired").value(false));
    }

    @Test
    void aNewVersionIsAnnouncedAndAskedForAtTheNextLogInUntilTheMemberAcceptsIt() throws Exception {
        CommunityApi api = new CommunityApi(http);
        CommunityApi.Registered ana = api.register("Ana", "cluj-napoca");
        int before = CommunityApi.currentTerms(http);

        http.perform(json(post("/api/community/terms"), publication()).with(bearer(ana.token())))
                .andExpect(status().isForbidden());
        String published = http.perform(json(post("/api/community/terms"), publication()).with(bearer(api.admin())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/community/terms/versions/" + (before + 1)))
                .andExpect(jsonPath("$.version").value(before + 1))
                .andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(published, "$.version");

        var announced = TopicReader.read(String.join(",", kafka.getBootstrapServers()),
                EventCatalog.COMMUNITY_MANIFESTO_TOPIC, r -> ("terms-" + version).equals(r.key()), 1,
                Duration.ofSeconds(20));
        assertThat(TopicReader.header(announced.get(0), "ce_type")).isEqualTo(EventCatalog.TERMS_VERSION_PUBLISHED.type());
        assertThat(announced.get(0).value()).contains("\"version\":" + version).contains("Clearer moderation rules");

        logIn(ana.email()).andExpect(jsonPath("$.termsAcceptanceRequired").value(true));
        http.perform(get("/api/community/members/me").with(bearer(ana.token())))
                .andExpect(jsonPath("$.termsVersion").value(before))
                .andExpect(jsonPath("$.termsAcceptanceRequired").value(true));
        register(CommunityApi.uniqueEmail("late"), ",\"termsVersion\":" + before + ",\"minimumAgeConfirmed\":true")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("termsVersion"));

        accept(ana.token(), before).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/terms-version-outdated"));
        accept(ana.token(), version + 1).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(members.findById(ana.id()).orElseThrow().termsVersion()).isEqualTo(before);

        accept(ana.token(), version).andExpect(status().isNoContent());
        accept(ana.token(), version).andExpect(status().isNoContent());

        assertThat(members.findById(ana.id()).orElseThrow().termsVersion()).isEqualTo(version);
        logIn(ana.email()).andExpect(jsonPath("$.termsAcceptanceRequired").value(false));
        http.perform(get("/api/community/members/me").with(bearer(ana.token())))
                .andExpect(jsonPath("$.termsAcceptanceRequired").value(false));
    }

    private ResultActions register(String email, String consent) throws Exception {
        return http.perform(json(post("/api/community/members"), """
                {"email":"%s","password":"correct horse battery","displayName":"Ana Pop","city":"cluj-napoca"%s}"""
                .formatted(email, consent)));
    }

    private ResultActions logIn(String email) throws Exception {
        return http.perform(json(post("/api/community/auth/token"),
                "{\"email\":\"" + email + "\",\"password\":\"" + CommunityApi.PASSWORD + "\"}"))
                .andExpect(status().isOk());
    }

    private ResultActions accept(String token, int version) throws Exception {
        return http.perform(json(post("/api/community/terms/acceptance"), "{\"version\":" + version + "}")
                .with(bearer(token)));
    }

    private static String publication() {
        return """
                {"summary":"Clearer moderation rules %s","text":"# Terms\\n\\nThe same, with clearer moderation rules."}"""
                .formatted(UUID.randomUUID());
    }
}
