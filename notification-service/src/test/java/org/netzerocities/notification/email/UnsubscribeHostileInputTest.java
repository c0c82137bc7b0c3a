package org.netzerocities.notification.email;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public unsubscribe route: whatever is posted to it, a refusal is a 4xx problem, and only a signed token acts. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class UnsubscribeHostileInputTest extends ConsumingServiceTest {

    private static final String PATH = "/api/notifications/unsubscribe";

    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    SigningKey key;
    @Autowired
    EmailSettings settings;

    @Test
    void anExpiredLinkIsGone() throws Exception {
        String expired = new UnsubscribeTokens(key, Clock.fixed(Instant.now().minus(Duration.ofDays(400)),
                ZoneOffset.UTC), settings).issue(UUID.randomUUID().toString(), Category.EVENTS);

        http.perform(json("{\"token\":\"" + expired + "\"}"))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aValidTokenPostedAsJsonUnsubscribes() throws Exception {
        http.perform(json("{\"token\":\"" + tokens.issue(UUID.randomUUID().toString(), Category.LEARNING) + "\"}"))
                .andExpect(status().isOk());
    }

    @TestFactory
    Stream<DynamicTest> theRouteRefusesWhatIsNotASignedToken() {
        String valid = tokens.issue(UUID.randomUUID().toString(), Category.EVENTS);
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        Map<String, String> body = Map.of("token", "\"" + valid + "\"");
        return Stream.of(
                refused("forged signature", json("{\"token\":\"" + forged + "\"}")),
                refused("token of another member written in", json("{\"token\":\""
                        + valid.replaceFirst("^[A-Za-z0-9_-]{4}", "AAAA") + "\"}")),
                refused("token a number", json(HostileRequests.spoiled(body, "token", "12345"))),
                refused("token an operator", json(HostileRequests.spoiled(body, "token", "{\"$gt\":\"\"}"))),
                refused("token null", json(HostileRequests.spoiled(body, "token", "null"))),
                refused("token an array with null", json(HostileRequests.spoiled(body, "token", "[null]"))),
                refused("token huge", json(HostileRequests.spoiled(body, "token", "\"" + "a".repeat(100_000) + "\""))),
                refused("token with control characters", json(HostileRequests.spoiled(body, "token",
                        "\"" + valid.substring(0, 10) + "\\u0000\\r\\n" + valid.substring(10) + "\""))),
                refused("no body", post(PATH).contentType(MediaType.APPLICATION_JSON)),
                refused("empty object", json("{}")),
                refused("malformed JSON", json("{\"token\":")),
                refused("JSON array", json("[\"" + valid + "\"]")),
                refused("form without One-Click", form(valid, "List-Unsubscribe=Yes")),
                refused("form without the token", post(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click")),
                refused("form with an operator as token", post(PATH).param("token[$ne]", "")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click")),
                refused("form with a forged token", form(forged, "List-Unsubscribe=One-Click")),
                refused("plain text", post(PATH).contentType(MediaType.TEXT_PLAIN).content(valid)),
                refused("a GET", org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(PATH)
                        .param("token", valid)));
    }

    private DynamicTest refused(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    private static MockHttpServletRequestBuilder json(String body) {
        return post(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder form(String token, String body) {
        return post(PATH).param("token", token).contentType(MediaType.APPLICATION_FORM_URLENCODED).content(body);
    }
}
