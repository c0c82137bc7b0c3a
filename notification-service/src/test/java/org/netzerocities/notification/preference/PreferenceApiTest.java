package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

/** The preferences routes, the one-click unsubscribe, the export and the erasure, in the running service. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PreferenceApiTest extends ConsumingServiceTest {

    @Autowired
    EmailUnsubscribe unsubscribe;
    @Autowired
    DeliveryPlanner planner;
    @Autowired
    List<PersonalData> personalData;
    @Autowired
    PreferenceStore store;
    @Autowired
    PreferenceProperties properties;

    private final String memberId = UUID.randomUUID().toString();

    @Test
    void aMemberWhoChoseNothingSeesTheDefaults() throws Exception {
        http.perform(get("/api/notifications/preferences").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories.COMMUNITY.inApp").value(true))
                .andExpect(jsonPath("$.categories.COMMUNITY.live").value(true))
                .andExpect(jsonPath("$.categories.COMMUNITY.email").value("IMMEDIATE"))
                .andExpect(jsonPath("$.categories.CAMPAIGNS.email").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.quietHours").value(nullValue()))
                .andExpect(jsonPath("$.weeklyEmailBudget").value(properties.weeklyEmailBudget()));
    }

    @Test
    void whatAMemberPutsIsWhatTheyGetBackAndCategoriesLeftOutTakeTheDefaults() throws Exception {
        http.perform(put("/api/notifications/preferences").with(asMember(memberId))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"categories": {"EVENTS": {"inApp": false, "live": false, "email": "DAILY_DIGEST"}},
                         "quietHours": {"start": "22:30", "end": "06:45"}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories.EVENTS.email").value("DAILY_DIGEST"));

        http.perform(get("/api/notifications/preferences").with(asMember(memberId)))
                .andExpect(jsonPath("$.categories.EVENTS.inApp").value(false))
                .andExpect(jsonPath("$.categories.EVENTS.live").value(false))
                .andExpect(jsonPath("$.categories.EVENTS.email").value("DAILY_DIGEST"))
                .andExpect(jsonPath("$.categories.LEARNING.email").value("IMMEDIATE"))
                .andExpect(jsonPath("$.quietHours.start").value("22:30"))
                .andExpect(jsonPath("$.quietHours.end").value("06:45"));
    }

    @Test
    void oneMembersPreferencesAreNotAnothers() throws Exception {
        String other = UUID.randomUUID().toString();
        http.perform(put("/api/notifications/preferences").with(asMember(other))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"categories\": {\"EVENTS\": {\"inApp\": true, \"live\": true, \"email\": \"OFF\"}}}"))
                .andExpect(status().isOk());

        http.perform(get("/api/notifications/preferences").with(asMember(memberId)))
                .andExpect(jsonPath("$.categories.EVENTS.email").value("IMMEDIATE"));
    }

    @Test
    void theDeliveryPlannerFollowsTheStoredPreferences() throws Exception {
        http.perform(put("/api/notifications/preferences").with(asMember(memberId))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"categories\": {\"COMMUNITY\": {\"inApp\": true, \"live\": false, \"email\": \"OFF\"}}}"))
                .andExpect(status().isOk());

        NotificationDraft mention = new NotificationDraft(NotificationDraft.idFor("e-1", memberId), memberId,
                Kind.MENTION, Map.of(), null, "e-1", Instant.now());
        assertThat(planner.plan(List.of(mention), Map.of(), Instant.now()))
                .containsExactly(new ChannelPlan(true, false, ChannelPlan.EmailMode.NONE));
    }

    @Test
    void anUnsubscribeTurnsOffThatCategorysEmailOnly() throws Exception {
        unsubscribe.unsubscribe(memberId, Category.LEARNING);

        http.perform(get("/api/notifications/preferences").with(asMember(memberId)))
                .andExpect(jsonPath("$.categories.LEARNING.email").value("OFF"))
                .andExpect(jsonPath("$.categories.LEARNING.inApp").value(true))
                .andExpect(jsonPath("$.categories.EVENTS.email").value("IMMEDIATE"));
    }

    @Test
    void theExportHasTheMembersChoicesAndEmailCountsAndTheErasureRemovesThem() throws Exception {
        unsubscribe.unsubscribe(memberId, Category.LEARNING);
        NotificationDraft mention = new NotificationDraft(NotificationDraft.idFor("e-2", memberId), memberId,
                Kind.MENTION, Map.of(), null, "e-2", Instant.now());
        planner.plan(List.of(mention), Map.of(), Instant.now());

        http.perform(get("/api/notifications/me/export").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notificationPreferences.preferences.categories.LEARNING.email").value("OFF"))
                .andExpect(jsonPath("$.notificationPreferences.emailBudget[0].sent").value(1));

        erase(memberId, "malmo");
        await().atMost(CONSUMED_WITHIN).until(() -> store.stored(memberId).isEmpty());
        await().atMost(CONSUMED_WITHIN).untilAsserted(() -> assertThat(section().heldOn().apply(memberId))
                .extracting("preferences", "emailBudget").containsExactly(null, List.of()));
    }

    @Test
    void thePreferencesRoutesAndTheirFieldsAreInTheOpenApiDocument() throws Exception {
        http.perform(get("/api/notifications/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/notifications/preferences'].get").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/preferences'].put").exists())
                .andExpect(jsonPath("$.components.schemas.PreferencesView.properties.weeklyEmailBudget.readOnly")
                        .value(true))
                .andExpect(jsonPath("$.components.schemas.PreferencesBody.properties.optIns").exists())
                .andExpect(jsonPath("$.components.schemas.ChannelBody.properties.email.enum")
                        .value(contains("OFF", "IMMEDIATE", "DAILY_DIGEST")));
    }

    private PersonalData section() {
        return personalData.stream().filter(data -> data.section().equals("notificationPreferences")).findFirst()
                .orElseThrow();
    }
}
