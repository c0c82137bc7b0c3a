package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
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

/** Profile edits, role revocation and erasure through the API, with what each publishes. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProfileTest {

    static final MediaType MERGE_PATCH = MediaType.parseMediaType("application/merge-patch+json");

    @Autowired
    MockMvc http;
    @Autowired
    KafkaConnectionDetails kafka;

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    private List<ConsumerRecord<String, String>> published(String topic, String memberId, String type, int count) {
        return TopicReader.read(String.join(",", kafka.getBootstrapServers()), topic,
                r -> memberId.equals(r.key()) && (type == null ? r.value() == null
                        : type.equals(TopicReader.header(r, "ce_type"))), count, Duration.ofSeconds(20));
    }

    @Test
    void aMemberEditsTheirProfileWithAMergePatchAndEveryoneLearnsOfIt() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");

        http.perform(patch("/api/community/members/me").with(bearer(ana.token())).contentType(MERGE_PATCH).content("""
                {"bio":"Energy communities in Zürich and Cluj","directoryVisible":true,
                 "socialHandles":{"instagram":"https://instagram.com/ana.climate"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.bio").value("Energy communities in Zürich and Cluj"))
                .andExpect(jsonPath("$.displayName").value("Ana"))
                .andExpect(jsonPath("$.directoryVisible").value(true))
                .andExpect(jsonPath("$.timeZone").value("Europe/Bucharest"))
                .andExpect(jsonPath("$.timeZoneFromCity").value(true))
                .andExpect(jsonPath("$.profileComplete").value(true))
                .andExpect(jsonPath("$.socialHandles.instagram").value("https://instagram.com/ana.climate"));

        var updated = published(EventCatalog.COMMUNITY_MEMBERS_TOPIC, ana.id(),
                EventCatalog.MEMBER_PROFILE_UPDATED.type(), 1).get(0);
        assertThat(updated.value()).contains("\"directoryVisible\":true").contains("\"profileComplete\":true")
                .doesNotContain(ana.email());
    }

    @Test
    void aMoveEndsTheRolesOfTheOldCityAndTheTimeZoneFollowsTheCity() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        api().grant(ana.id(), "FRONTRUNNER", null);
        String token = api().logIn(ana);

        http.perform(patch("/api/community/members/me").with(bearer(token)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"city\":\"milan\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city").value("milan"))
                .andExpect(jsonPath("$.timeZone").value("Europe/Rome"))
                .andExpect(jsonPath("$.roles[?(@.role=='FRONTRUNNER')]").isEmpty());

        assertThat(published(EventCatalog.COMMUNITY_MEMBERS_TOPIC, ana.id(), EventCatalog.MEMBER_ROLE_REVOKED.type(),
                1).get(0).value()).contains("\"city\":\"cluj-napoca\"");
        assertThat(published(EventCatalog.COMMUNITY_MEMBERS_TOPIC, ana.id(),
                EventCatalog.MEMBER_PROFILE_UPDATED.type(), 1).get(0).value())
                .contains("\"previousCity\":\"cluj-napoca\"").contains("\"city\":\"milan\"");
        assertThat(published(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC, ana.id(),
                EventCatalog.MEMBER_CONTACT_CHANGED.type(), 2).get(1).value()).contains("\"timeZone\":\"Europe/Rome\"");
    }

    @Test
    void aRefusedPatchChangesNothing() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");

        http.perform(patch("/api/community/members/me").with(bearer(ana.token())).contentType(MERGE_PATCH)
                        .content("{\"bio\":\"fine\",\"email\":\"eve@example.org\",\"roles\":[\"ADMIN\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2));

        http.perform(get("/api/community/members/me").with(bearer(ana.token())))
                .andExpect(jsonPath("$.bio").doesNotExist())
                .andExpect(jsonPath("$.email").value(ana.email()));
    }

    @Test
    void theCityTransitionTeamRevokesItsFrontrunnersButNotOthers() throws Exception {
        Registered team = api().register("Team", "cluj-napoca");
        Registered ana = api().register("Ana", "cluj-napoca");
        Registered bob = api().register("Bob", "malmo");
        api().grant(team.id(), "TRANSITION_TEAM", null);
        api().grant(ana.id(), "FRONTRUNNER", null);
        api().grant(ana.id(), "FACILITATOR", null);
        api().grant(bob.id(), "FRONTRUNNER", null);
        String teamToken = api().logIn(team);

        http.perform(delete("/api/community/members/{id}/roles/FRONTRUNNER", bob.id()).with(bearer(teamToken)))
                .andExpect(status().isForbidden());
        http.perform(delete("/api/community/members/{id}/roles/FACILITATOR", ana.id()).with(bearer(teamToken)))
                .andExpect(status().isForbidden());
        http.perform(delete("/api/community/members/{id}/roles/FRONTRUNNER", ana.id()).with(bearer(ana.token())))
                .andExpect(status().isForbidden());
        http.perform(delete("/api/community/members/{id}/roles/FRONTRUNNER", ana.id()).with(bearer(teamToken))
                        .param("city", "cluj-napoca"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(ana.id()))
                .andExpect(jsonPath("$.roles[*].role").value(org.hamcrest.Matchers.contains("MEMBER", "FACILITATOR")));

        assertThat(published(EventCatalog.COMMUNITY_MEMBERS_TOPIC, ana.id(), EventCatalog.MEMBER_ROLE_REVOKED.type(),
                1).get(0).value()).contains("\"revokedBy\":\"" + team.id() + "\"");
        String admin = api().admin();
        http.perform(delete("/api/community/members/{id}/roles/MEMBER", ana.id()).with(bearer(admin)))
                .andExpect(status().isBadRequest());
        http.perform(delete("/api/community/members/{id}/roles/WIZARD", ana.id()).with(bearer(admin)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anErasedAccountIsGoneItsEmailMayRegisterAgainAndItsContactIsTombstoned() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");

        http.perform(delete("/api/community/members/me").with(bearer(ana.token()))).andExpect(status().isNoContent());

        // the erased member's token stops working at once
        http.perform(get("/api/community/members/me").with(bearer(ana.token()))).andExpect(status().isUnauthorized());
        http.perform(delete("/api/community/members/me").with(bearer(ana.token()))).andExpect(status().isUnauthorized());

        http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + ana.email() + "\",\"password\":\"" + CommunityApi.PASSWORD + "\"}"))
                .andExpect(status().isUnauthorized());
        http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"erased:" + ana.id() + "\",\"password\":\"x\"}"))
                .andExpect(status().isUnauthorized());
        assertThat(published(EventCatalog.COMMUNITY_MEMBERS_TOPIC, ana.id(), EventCatalog.MEMBER_ERASED.type(), 1)
                .get(0).value()).contains("\"city\":\"cluj-napoca\"");
        assertThat(published(EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC, ana.id(), null, 1)).hasSize(1);
        http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"%s","password":"another good password","displayName":"Ana again","city":"milan",%s}"""
                .formatted(ana.email(), CommunityApi.consent(http)))).andExpect(status().isCreated());
    }

    @Test
    void theExportHoldsTheAccountButNeverThePasswordHash() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");

        http.perform(get("/api/community/members/me/export").with(bearer(ana.token())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(ana.id()))
                .andExpect(jsonPath("$.sections.account.profile.email").value(ana.email()))
                .andExpect(jsonPath("$.sections.onboarding.checklist").exists())
                .andExpect(jsonPath("$.sections.callsLaunched").isArray())
                .andExpect(jsonPath("$.sections.frontrunnerRequests").isArray())
                .andExpect(jsonPath("$.sections.activity.posts").value(0))
                .andExpect(jsonPath("$..passwordHash").isEmpty());
        http.perform(get("/api/community/members/me/export")).andExpect(status().isUnauthorized());
    }
}
