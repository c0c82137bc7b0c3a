package org.netzerocities.campaign.campaign;

import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.jayway.jsonpath.JsonPath;

/** Members who join through a campaign's link count towards it, each once. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AttributionTest extends CampaignApi {

    private PendingEvent joined(String memberId, String campaignRef) {
        return TestEvents.event(codec, EventCatalog.MEMBER_JOINED, memberId, new MemberJoined(memberId, "Ana", "lisbon",
                List.of("pt"), List.of(), "Europe/Lisbon", null, campaignRef, true, Instant.now()));
    }

    @Test
    void membersJoiningWithTheCampaignsReferenceAreCountedOnceEachAndOtherReferencesNotAtAll() throws Exception {
        Team team = team();
        String ref = "join-" + UUID.randomUUID().toString().substring(0, 8);
        String campaignId = JsonPath.read(launch(team.leader(),
                campaignJson(team.channelId(), "CONTENT_CREATION", ref)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString(), "$.id");
        String ana = UUID.randomUUID().toString();
        String ion = UUID.randomUUID().toString();

        send(joined(ana, ref));
        // the same member's join published again as a new event (a replay from the producer) counts nothing more
        send(joined(ana, ref));
        send(joined(UUID.randomUUID().toString(), ref + "-typo"));
        send(joined(UUID.randomUUID().toString(), null));
        PendingEvent last = joined(ion, ref);
        send(last);

        await().atMost(CONSUMED_WITHIN).untilAsserted(() -> http.perform(get("/api/campaigns/campaigns/{id}/kpis",
                campaignId).with(asMember(team.leader()))).andExpect(jsonPath("$.measured.newMembers").value(2)));
        redeliverUntilSkipped(last);
        http.perform(get("/api/campaigns/campaigns/{id}/kpis", campaignId).with(asMember(team.leader())))
                .andExpect(jsonPath("$.measured.newMembers").value(2))
                .andExpect(jsonPath("$.targets.newMembers").value(10));
    }
}
