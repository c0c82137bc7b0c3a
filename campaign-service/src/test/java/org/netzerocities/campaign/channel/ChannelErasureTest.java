package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** A member's appointments are in their export, and gone from every team with their account. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ChannelErasureTest extends ChannelApi {

    @Autowired
    Channels channels;
    @Autowired
    EventHandler<MemberErased> channelsOfErasedMember;

    @Test
    void anErasedMemberLeavesEveryTeamSilentlyAndTheirExportListedThem() throws Exception {
        String lisbon = cityChannel(freshCity());
        String porto = cityChannel(freshCity());
        String member = knownMember();
        String other = knownMember();
        appoint(lisbon, member, "LEADERSHIP_TEAM");
        appoint(porto, member, "STEERING_COMMITTEE");
        appoint(porto, other, "STEERING_COMMITTEE");
        http.perform(get("/api/campaigns/me/export").with(asMember(member)))
                .andExpect(jsonPath("$.channels.length()").value(2))
                .andExpect(jsonPath("$.channels[?(@.channelId == '" + porto + "')].role")
                        .value("STEERING_COMMITTEE"));

        IncomingEvent erased = HandlerHarness.deliver(channelsOfErasedMember, member,
                new MemberErased(member, "lisbon", Instant.now()));
        HandlerHarness.redeliver(channelsOfErasedMember, erased);

        assertThat(channels.channel(lisbon).orElseThrow().leadershipIds()).isEmpty();
        assertThat(channels.channel(porto).orElseThrow().steeringIds()).containsExactly(other);
        http.perform(get("/api/campaigns/me/export").with(asMember(member)))
                .andExpect(jsonPath("$.channels.length()").value(0));
        assertThat(events(porto, EventCatalog.CHANNEL_TEAM_CHANGED, 3, Duration.ofSeconds(3)))
                .noneMatch(change -> change.value().contains("REMOVED"));
    }
}
