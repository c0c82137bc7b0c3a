package org.netzerocities.campaign.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberProfileUpdated;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AudienceProjectionTest extends ConsumingServiceTest {

    @Autowired
    CitizenRepository citizens;

    @Test
    void memberWhoJoinedJoinsTheAudienceOfTheirCityAndFollowsTheirProfile() throws Exception {
        String memberId = UUID.randomUUID().toString();
        http.perform(get("/api/campaigns/audience/me").with(asMember(memberId)))
                .andExpect(status().isNotFound());

        join(memberId, "malmo", "sv", "en");

        await().atMost(CONSUMED_WITHIN).until(() -> citizens.existsById(memberId));
        http.perform(get("/api/campaigns/audience/me").with(asMember(memberId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.city").value("malmo"))
                .andExpect(jsonPath("$.languages[0]").value("sv"));

        send(TestEvents.event(codec, EventCatalog.MEMBER_PROFILE_UPDATED, memberId, new MemberProfileUpdated(memberId,
                "Ana", "cluj-napoca", "malmo", List.of("ro"), List.of("mobility"), "Europe/Bucharest", false, true,
                Instant.now())));

        await().atMost(CONSUMED_WITHIN).until(() -> "cluj-napoca".equals(citizens.findById(memberId)
                .map(Citizen::city).orElse(null)));
        assertThat(citizens.findById(memberId)).get().satisfies(citizen -> {
            assertThat(citizen.languages()).containsExactly("ro");
            assertThat(citizen.interests()).containsExactly("mobility");
        });
    }

    /**
     * A redelivery of the same MemberJoined is skipped by the processed-event marks before any handler runs; the
     * projection itself would recreate nothing either, which the handler test shows without those marks.
     */
    @Test
    void anErasedMemberLeavesTheAudienceTheirTokenIsRefusedAndARedeliveredJoinRecreatesNothing() throws Exception {
        String memberId = UUID.randomUUID().toString();
        Joined joined = join(memberId, "malmo", "sv");
        await().atMost(CONSUMED_WITHIN).until(() -> citizens.existsById(memberId));

        assertErasureForgets(joined, citizens::existsById, "/api/campaigns/me/export", Duration.ZERO);
    }

    @Test
    void aSuspendedMembersTokenIsRefusedInCampaignsUntilReinstated() throws Exception {
        assertSuspensionRefusesUntilReinstated(UUID.randomUUID().toString(), "/api/campaigns/me/export", CONSUMED_WITHIN);
    }
}
