package org.netzerocities.community.session;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.testsupport.HostileRequests.refused;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

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

/** Whatever a client sends to the refresh, log-out and sessions routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class SessionHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "tok\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$ne\":null}";

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> refreshAndLogOutRefuseWhatIsNotARefreshToken() {
        return Stream.of("/api/community/auth/refresh", "/api/community/auth/logout").flatMap(route -> Stream.of(
                hostile(route, "huge token", body(route, "{\"refreshToken\":\"" + HUGE + "\"}")),
                hostile(route, "token of 129 characters", body(route, "{\"refreshToken\":\"" + "x".repeat(129) + "\"}")),
                hostile(route, "operator object as token", body(route, "{\"refreshToken\":" + OPERATOR + "}")),
                hostile(route, "array as token", body(route, "{\"refreshToken\":[\"a\"]}")),
                hostile(route, "number as token", body(route, "{\"refreshToken\":42}")),
                hostile(route, "null token", body(route, "{\"refreshToken\":null}")),
                hostile(route, "blank token", body(route, "{\"refreshToken\":\"  \"}")),
                hostile(route, "no token", body(route, "{}")),
                hostile(route, "JSON null body", body(route, "null")),
                hostile(route, "JSON array body", body(route, "[]")),
                hostile(route, "empty body", body(route, "")),
                hostile(route, "truncated JSON", body(route, "{\"refreshToken\":\"a")),
                hostile(route, "deeply nested JSON",
                        body(route, "{\"refreshToken\":" + "[".repeat(5000) + "]".repeat(5000) + "}")),
                hostile(route, "plain text", post(route).contentType(MediaType.TEXT_PLAIN).content("token")),
                hostile(route, "garbage bearer token on the public route",
                        body(route, "{\"refreshToken\":\"abc\"}").header("Authorization", "Bearer " + HUGE))));
    }

    @TestFactory
    Stream<DynamicTest> refreshRefusesTokensItNeverIssued() {
        return Stream.of(
                hostile("", "unknown token", body("/api/community/auth/refresh", "{\"refreshToken\":\"abc\"}")),
                hostile("", "control characters as token",
                        body("/api/community/auth/refresh", "{\"refreshToken\":\"" + CONTROL + "\"}")),
                hostile("", "control characters in the User-Agent of a log-in",
                        body("/api/community/auth/token", "{\"email\":\"a@example.org\",\"password\":\"p\"}")
                                .header("User-Agent", "Firefox\u0000\u001b[31m")),
                hostile("", "a query operator spelled as a string",
                        body("/api/community/auth/refresh", "{\"refreshToken\":\"{\\\"$ne\\\":null}\"}")));
    }

    @TestFactory
    Stream<DynamicTest> theSessionsRoutesRefuseWhatTheyCannotUse() throws Exception {
        String token = new CommunityApi(http).register("Ana", "cluj-napoca").token();
        return Stream.of(
                hostile("", "negative page", get("/api/community/members/me/sessions").param("page", "-1")
                        .with(bearer(token))),
                hostile("", "page not a number", get("/api/community/members/me/sessions").param("page", "abc")
                        .with(bearer(token))),
                hostile("", "page whose offset overflows", get("/api/community/members/me/sessions")
                        .param("page", "2147483647").with(bearer(token))),
                hostile("", "size too big", get("/api/community/members/me/sessions").param("size", "1000")
                        .with(bearer(token))),
                hostile("", "operator as session id", delete("/api/community/members/me/sessions/{id}", OPERATOR)
                        .with(bearer(token))),
                hostile("", "regex as session id", delete("/api/community/members/me/sessions/{id}", ".*")
                        .with(bearer(token))),
                hostile("", "huge session id", delete("/api/community/members/me/sessions/{id}", HUGE)
                        .with(bearer(token))),
                hostile("", "control characters as session id",
                        delete("/api/community/members/me/sessions/{id}", "s\u0000\u001b").with(bearer(token))),
                hostile("", "garbage bearer token", get("/api/community/members/me/sessions").with(bearer(HUGE))),
                hostile("", "no token", delete("/api/community/members/me/sessions")));
    }

    private static MockHttpServletRequestBuilder body(String route, String json) {
        return post(route).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private DynamicTest hostile(String route, String name, MockHttpServletRequestBuilder request) {
        return refused(http, route.isEmpty() ? name : route + ": " + name, request);
    }
}
