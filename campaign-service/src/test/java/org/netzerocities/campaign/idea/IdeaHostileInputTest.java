package org.netzerocities.campaign.idea;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.MemberTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client sends to the content-idea routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class IdeaHostileInputTest extends IdeaApi {

    private static final String HUGE = "x".repeat(200_000);
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    @TestFactory
    Stream<DynamicTest> listingIdeasRefusesWhatItCannotUse() throws Exception {
        String city = freshCity();
        String lead = teamMember(city, "LEADERSHIP_TEAM");
        Stream<DynamicTest> subjects = MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> hostile(
                "listing as " + MemberTokens.testName(subject), listing(subject).param("city", city)));
        return Stream.concat(subjects, Stream.of(
                hostile("unknown kind", listing(lead).param("city", city).param("kind", "GOSSIP")),
                hostile("operator as kind", listing(lead).param("city", city).param("kind[$ne]", "x")
                        .param("kind", OPERATOR)),
                hostile("unknown status", listing(lead).param("city", city).param("status", "SECRET")),
                hostile("operator as city", listing(lead).param("city", OPERATOR)),
                hostile("regular expression as city", listing(lead).param("city", ".*")),
                hostile("huge city", listing(lead).param("city", HUGE)),
                hostile("control characters in city", listing(lead).param("city", "a\u0000b")),
                hostile("city twice", listing(lead).param("city", city, freshCity())),
                hostile("size too big", listing(lead).param("city", city).param("size", "1000")),
                hostile("negative page", listing(lead).param("city", city).param("page", "-1")),
                hostile("page not a number", listing(lead).param("city", city).param("page", "abc")),
                hostile("huge page", listing(lead).param("city", city).param("page", "999999999999")),
                hostile("the team of another city's channel", listing(lead).param("city", freshCity())),
                hostile("a city's team asking for the main channel", listing(lead)),
                hostile("a member in no team", listing(citizenOf(city)).param("city", city)),
                hostile("no token", get("/api/campaigns/ideas").param("city", city))));
    }

    @TestFactory
    Stream<DynamicTest> closingAnIdeaRefusesWhatItCannotUseAndKeepsItOpen() throws Exception {
        String city = freshCity();
        String lead = teamMember(city, "LEADERSHIP_TEAM");
        String otherLead = teamMember(freshCity(), "LEADERSHIP_TEAM");
        var scheduled = eventIn(city);
        HandlerHarness.deliver(onEventScheduled, scheduled.eventId(), scheduled);
        String ideaId = "event:" + scheduled.eventId();
        return Stream.of(
                hostile("unknown outcome", closing(lead, ideaId, "{\"outcome\":\"BURNT\"}")),
                hostile("no outcome", closing(lead, ideaId, "{}")),
                hostile("null outcome", closing(lead, ideaId, "{\"outcome\":null}")),
                hostile("operator as outcome", closing(lead, ideaId, "{\"outcome\":" + OPERATOR + "}")),
                hostile("outcome as array", closing(lead, ideaId, "{\"outcome\":[\"USED\"]}")),
                hostile("outcome OPEN", closing(lead, ideaId, "{\"outcome\":\"OPEN\"}")),
                hostile("huge outcome", closing(lead, ideaId, "{\"outcome\":\"" + HUGE + "\"}")),
                hostile("JSON array body", closing(lead, ideaId, "[]")),
                hostile("empty body", closing(lead, ideaId, "")),
                hostile("the team of another city's channel", closing(otherLead, ideaId, "{\"outcome\":\"USED\"}")),
                hostile("a member in no team", closing(citizenOf(city), ideaId, "{\"outcome\":\"USED\"}")),
                hostile("unknown idea", closing(lead, "event:no-such-event", "{\"outcome\":\"USED\"}")),
                hostile("operator as idea id", closing(lead, OPERATOR, "{\"outcome\":\"USED\"}")),
                hostile("regular expression as idea id", closing(lead, ".*", "{\"outcome\":\"USED\"}")),
                hostile("huge idea id", closing(lead, HUGE, "{\"outcome\":\"USED\"}")),
                hostile("no token", post("/api/campaigns/ideas/{id}/dismissal", ideaId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"USED\"}")))
                .onClose(() -> assertThat(mongo.findById(ideaId, ContentIdea.class).status())
                        .isEqualTo(ContentIdea.Status.OPEN));
    }

    private DynamicTest hostile(String name, RequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    private static MockHttpServletRequestBuilder listing(String memberId) {
        return get("/api/campaigns/ideas").with(as(memberId));
    }

    private static MockHttpServletRequestBuilder closing(String memberId, String ideaId, String body) {
        return post("/api/campaigns/ideas/{id}/dismissal", ideaId).with(as(memberId))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
