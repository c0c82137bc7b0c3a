package org.netzerocities.campaign.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.ContentPinned;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.outbox.PendingEvent;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;

/** Content ideas from other services' events on the real broker, read and closed by the channels' teams. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class IdeaFlowTest extends IdeaApi {

    @Test
    void eachSourceEventBecomesOneIdeaForItsCityHoweverOftenItIsDelivered() throws Exception {
        String city = freshCity();
        String rita = citizenOf(city);
        var scheduled = eventIn(city);
        var call = callIn(city);
        ContentPinned pin = pinOf(rita, city);
        CertificateIssued certificate = certificateOf(rita);
        List<PendingEvent> sent = List.of(
                TestEvents.event(codec, EventCatalog.EVENT_SCHEDULED, scheduled.eventId(), scheduled),
                TestEvents.event(codec, EventCatalog.CALL_TO_JOIN_LAUNCHED, call.callId(), call),
                TestEvents.event(codec, EventCatalog.CONTENT_PINNED, pin.pinId(), pin),
                TestEvents.event(codec, EventCatalog.CERTIFICATE_ISSUED, certificate.certificateId(), certificate));
        sent.forEach(this::send);

        await().atMost(CONSUMED_WITHIN).until(() -> ideasIn(city) == 4);
        assertThat(mongo.findById("impact_story:" + certificate.certificateId(), ContentIdea.class)).satisfies(idea -> {
            assertThat(idea.kind()).isEqualTo(ContentIdea.Kind.IMPACT_STORY);
            assertThat(idea.city()).isEqualTo(city);
            assertThat(idea.memberId()).isEqualTo(rita);
            assertThat(idea.memberName()).isEqualTo("Rita " + rita.substring(0, 4));
            assertThat(idea.status()).isEqualTo(ContentIdea.Status.OPEN);
        });
        assertThat(mongo.findById("call_to_join:" + call.callId(), ContentIdea.class).code()).isEqualTo(call.code());
        assertThat(mongo.findById("member_content:" + pin.pinId(), ContentIdea.class).url()).isEqualTo(pin.url());

        sent.forEach(this::redeliverUntilSkipped);
        // past the processed-event marks: a replay under new event ids reaches the handlers themselves
        HandlerHarness.deliver(onEventScheduled, scheduled.eventId(), scheduled);
        HandlerHarness.deliver(onCallToJoinLaunched, call.callId(), call);
        HandlerHarness.deliver(onContentPinned, pin.pinId(), pin);
        HandlerHarness.deliver(onCertificateIssued, certificate.certificateId(), certificate);
        assertThat(ideasIn(city)).isEqualTo(4);
    }

    @Test
    void theTeamsOfTheCitysChannelsAndOfTheMainChannelReadAndCloseItsIdeasOnce() throws Exception {
        String city = freshCity();
        String lead = teamMember(city, "LEADERSHIP_TEAM");
        String steering = teamMember(city, "STEERING_COMMITTEE");
        String mainSteering = teamMember(null, "STEERING_COMMITTEE");
        String otherCitysLead = teamMember(freshCity(), "LEADERSHIP_TEAM");
        var scheduled = eventIn(city);
        HandlerHarness.deliver(onEventScheduled, scheduled.eventId(), scheduled);
        var call = callIn(city);
        HandlerHarness.deliver(onCallToJoinLaunched, call.callId(), call);

        for (String reader : List.of(lead, steering, mainSteering)) {
            http.perform(get("/api/campaigns/ideas").param("city", city).with(as(reader)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(2));
        }
        http.perform(get("/api/campaigns/ideas").param("city", city).param("kind", "EVENT").with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].title").value("Repair café"));
        http.perform(get("/api/campaigns/ideas").param("city", city).with(as(otherCitysLead)))
                .andExpect(status().isForbidden());
        http.perform(get("/api/campaigns/ideas").with(as(lead))).andExpect(status().isForbidden());

        String ideaId = "event:" + scheduled.eventId();
        http.perform(post("/api/campaigns/ideas/{id}/dismissal", ideaId).with(as(otherCitysLead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"USED\"}"))
                .andExpect(status().isForbidden());
        http.perform(post("/api/campaigns/ideas/{id}/dismissal", ideaId).with(as(lead))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"USED\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("USED"));
        http.perform(post("/api/campaigns/ideas/{id}/dismissal", ideaId).with(as(steering))
                .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"DISMISSED\"}"))
                .andExpect(status().isConflict());

        http.perform(get("/api/campaigns/ideas").param("city", city).with(as(lead)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].kind").value("CALL_TO_JOIN"));
        http.perform(get("/api/campaigns/ideas").param("city", city).param("status", "USED").with(as(lead)))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].id").value(ideaId));
    }

    @Test
    void anErasedMembersContentAndImpactStoryGoAndAReplayBringsNothingBack() throws Exception {
        String city = freshCity();
        String rita = citizenOf(city);
        ContentPinned pin = pinOf(rita, city);
        CertificateIssued certificate = certificateOf(rita);
        var scheduled = eventIn(city);
        HandlerHarness.deliver(onContentPinned, pin.pinId(), pin);
        HandlerHarness.deliver(onCertificateIssued, certificate.certificateId(), certificate);
        HandlerHarness.deliver(onEventScheduled, scheduled.eventId(), scheduled);
        http.perform(get("/api/campaigns/me/export").with(as(rita)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.contentIdeas", hasSize(2)));

        erase(rita, city);

        await().atMost(CONSUMED_WITHIN).until(() -> ideasIn(city) == 1);
        HandlerHarness.deliver(onContentPinned, pin.pinId(), pin);
        HandlerHarness.deliver(onCertificateIssued, certificate.certificateId(), certificate);
        assertThat(ideasIn(city)).isEqualTo(1);
        assertThat(mongo.findById("event:" + scheduled.eventId(), ContentIdea.class)).isNotNull();
    }

    @Test
    void theImpactStoryOfACitizenCampaignsDoNotKnowGoesToTheMainChannelWithoutName() {
        CertificateIssued certificate = certificateOf(id());

        HandlerHarness.deliver(onCertificateIssued, certificate.certificateId(), certificate);

        assertThat(mongo.findById("impact_story:" + certificate.certificateId(), ContentIdea.class))
                .satisfies(idea -> {
                    assertThat(idea.city()).isNull();
                    assertThat(idea.memberName()).isNull();
                    assertThat(idea.memberId()).isEqualTo(certificate.memberId());
                });
    }
}
