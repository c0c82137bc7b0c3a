package org.netzerocities.community.admin;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.netzerocities.testsupport.HostileRequests.refused;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever an admin's client sends to the member administration and audit routes, the answer is a 4xx problem, never
 * a 5xx, and nothing changes; operators sent as values are values that match nothing.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AdminHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\u0000\u0007\u001b[31m";
    private static final String JSON_CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$ne\":null}";
    private static final String MEMBERS = "/api/community/admin/members";
    private static final String AUDIT = "/api/community/admin/audit";

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> everyAdminRouteRefusesWhatItCannotUseAndTheTargetStaysActive() throws Exception {
        CommunityApi api = new CommunityApi(http);
        Registered target = api.register("Hostile Target", "malmo");
        String admin = api.admin();
        String suspension = MEMBERS + "/" + target.id() + "/suspension";
        List<DynamicTest> tests = List.of(
                refused(http, "search: huge text", get(MEMBERS).param("q", HUGE).with(bearer(admin))),
                refused(http, "search: control characters", get(MEMBERS).param("q", CONTROL).with(bearer(admin))),
                refused(http, "search: huge city", get(MEMBERS).param("city", HUGE).with(bearer(admin))),
                refused(http, "search: unknown role", get(MEMBERS).param("role", "OWNER").with(bearer(admin))),
                refused(http, "search: role as operator", get(MEMBERS).param("role", OPERATOR).with(bearer(admin))),
                refused(http, "search: unknown status", get(MEMBERS).param("status", "BANNED").with(bearer(admin))),
                refused(http, "search: negative page", get(MEMBERS).param("page", "-1").with(bearer(admin))),
                refused(http, "search: page far out", get(MEMBERS).param("page", "2147483647").with(bearer(admin))),
                refused(http, "search: size too big", get(MEMBERS).param("size", "1000").with(bearer(admin))),
                refused(http, "search: size not a number", get(MEMBERS).param("size", "ten").with(bearer(admin))),
                refused(http, "suspend: no body", post(suspension).with(bearer(admin))),
                refused(http, "suspend: not JSON", json(post(suspension), "reason=spam").with(bearer(admin))),
                refused(http, "suspend: empty object", json(post(suspension), "{}").with(bearer(admin))),
                refused(http, "suspend: null reason", json(post(suspension), "{\"reason\":null}").with(bearer(admin))),
                refused(http, "suspend: operator as reason",
                        json(post(suspension), "{\"reason\":" + OPERATOR + "}").with(bearer(admin))),
                refused(http, "suspend: array as reason",
                        json(post(suspension), "{\"reason\":[\"spam\"]}").with(bearer(admin))),
                refused(http, "suspend: huge reason",
                        json(post(suspension), "{\"reason\":\"" + HUGE + "\"}").with(bearer(admin))),
                refused(http, "suspend: reason just too long",
                        json(post(suspension), "{\"reason\":\"" + "x".repeat(501) + "\"}").with(bearer(admin))),
                refused(http, "suspend: control characters in reason",
                        json(post(suspension), "{\"reason\":\"" + JSON_CONTROL + "\"}").with(bearer(admin))),
                refused(http, "suspend: operator as id", json(post(MEMBERS + "/{id}/suspension", OPERATOR),
                        "{\"reason\":\"spam\"}").with(bearer(admin))),
                refused(http, "suspend: huge id", json(post(MEMBERS + "/{id}/suspension", HUGE),
                        "{\"reason\":\"spam\"}").with(bearer(admin))),
                refused(http, "reinstate: operator as reason",
                        json(delete(suspension), "{\"reason\":" + OPERATOR + "}").with(bearer(admin))),
                refused(http, "reinstate: control characters in reason",
                        json(delete(suspension), "{\"reason\":\"" + JSON_CONTROL + "\"}").with(bearer(admin))),
                refused(http, "reinstate: operator as id", delete(MEMBERS + "/{id}/suspension", OPERATOR)
                        .with(bearer(admin))),
                refused(http, "erase: operator as id", delete(MEMBERS + "/{id}", OPERATOR).with(bearer(admin))),
                refused(http, "erase: regex as id", delete(MEMBERS + "/{id}", ".*").with(bearer(admin))),
                refused(http, "erase: huge id", delete(MEMBERS + "/{id}", HUGE).with(bearer(admin))),
                refused(http, "audit: unknown action", get(AUDIT).param("action", "EVERYTHING").with(bearer(admin))),
                refused(http, "audit: huge actor", get(AUDIT).param("actor", HUGE).with(bearer(admin))),
                refused(http, "audit: control characters in subject",
                        get(AUDIT).param("subject", CONTROL).with(bearer(admin))),
                refused(http, "audit: from not a time", get(AUDIT).param("from", "yesterday").with(bearer(admin))),
                refused(http, "audit: to without offset",
                        get(AUDIT).param("to", "2026-11-29T10:00:00").with(bearer(admin))),
                refused(http, "audit: from as operator", get(AUDIT).param("from", OPERATOR).with(bearer(admin))),
                refused(http, "audit: from after to", get(AUDIT).param("from", "2026-11-29T10:00:00Z")
                        .param("to", "2026-11-28T10:00:00Z").with(bearer(admin))),
                refused(http, "audit: size too big", get(AUDIT).param("size", "101").with(bearer(admin))),
                refused(http, "audit: page far out", get(AUDIT).param("page", "2147483647").with(bearer(admin))));
        DynamicTest stillActive = DynamicTest.dynamicTest("the target is still active and unchanged",
                () -> http.perform(get(MEMBERS).param("q", target.email()).with(bearer(admin)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].status").value("ACTIVE")));
        return Stream.concat(tests.stream(), Stream.of(stillActive));
    }

    @Test
    void operatorsAndPatternsSentAsFiltersAreLiteralsThatMatchNothing() throws Exception {
        String admin = new CommunityApi(http).admin();
        for (MockHttpServletRequestBuilder request : List.of(get(MEMBERS).param("q", OPERATOR),
                get(MEMBERS).param("city", OPERATOR), get(MEMBERS).param("q", ".*"),
                get(AUDIT).param("actor", OPERATOR), get(AUDIT).param("subject", ".*"))) {
            http.perform(request.with(bearer(admin)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(0));
        }
    }
}
