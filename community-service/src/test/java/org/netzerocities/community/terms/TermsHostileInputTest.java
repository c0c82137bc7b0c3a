package org.netzerocities.community.terms;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** What the terms routes refuse: 4xx problem+json, never a 5xx, and no version published by it. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class TermsHostileInputTest {

    private static final String OPERATOR = "{\"$ne\":null}";
    private static final String CONTROL = "\\u0000\\u001b[31m";
    private static final String HUGE = "x".repeat(200_000);

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> acceptingRefusesWhatItCannotUse() throws Exception {
        String member = new CommunityApi(http).register("Hostile", "cluj-napoca").token();
        return Stream.of(
                hostile("without a token", json(post("/api/community/terms/acceptance"), "{\"version\":1}")),
                hostile("operator object as version", accept(member, "{\"version\":" + OPERATOR + "}")),
                hostile("text as version", accept(member, "{\"version\":\"current\"}")),
                hostile("null version", accept(member, "{\"version\":null}")),
                hostile("no version", accept(member, "{}")),
                hostile("negative version", accept(member, "{\"version\":-1}")),
                hostile("huge version", accept(member, "{\"version\":1" + "0".repeat(40) + "}")),
                hostile("version never published", accept(member, "{\"version\":2147483647}")),
                hostile("array body", accept(member, "[1]")),
                hostile("empty body", accept(member, "")),
                hostile("truncated JSON", accept(member, "{\"version\":")));
    }

    @TestFactory
    Stream<DynamicTest> publishingRefusesWhatItCannotUse() throws Exception {
        CommunityApi api = new CommunityApi(http);
        String admin = api.admin();
        String member = api.register("Hostile", "cluj-napoca").token();
        return Stream.of(
                hostile("a member, not an admin", publish(member, "{\"summary\":\"s\",\"text\":\"t\"}")),
                hostile("without a token", json(post("/api/community/terms"), "{\"summary\":\"s\",\"text\":\"t\"}")),
                hostile("operator object as text", publish(admin, "{\"summary\":\"s\",\"text\":" + OPERATOR + "}")),
                hostile("control characters in summary",
                        publish(admin, "{\"summary\":\"" + CONTROL + "\",\"text\":\"t\"}")),
                hostile("control characters in text", publish(admin, "{\"summary\":\"s\",\"text\":\"" + CONTROL + "\"}")),
                hostile("line break in summary", publish(admin, "{\"summary\":\"a\\nb\",\"text\":\"t\"}")),
                hostile("huge text", publish(admin, "{\"summary\":\"s\",\"text\":\"" + HUGE + "\"}")),
                hostile("blank summary", publish(admin, "{\"summary\":\"  \",\"text\":\"t\"}")),
                hostile("no text", publish(admin, "{\"summary\":\"s\"}")),
                hostile("array body", publish(admin, "[]")));
    }

    @TestFactory
    Stream<DynamicTest> readingAVersionRefusesWhatIsNotOne() {
        return Stream.of("abc", "-1", "0", OPERATOR, "1" + "0".repeat(40), "1.5")
                .map(id -> hostile("version " + id, get("/api/community/terms/versions/{version}", id)));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private static MockHttpServletRequestBuilder accept(String token, String body) {
        return json(post("/api/community/terms/acceptance"), body).with(bearer(token));
    }

    private static MockHttpServletRequestBuilder publish(String token, String body) {
        return json(post("/api/community/terms"), body).with(bearer(token));
    }
}
