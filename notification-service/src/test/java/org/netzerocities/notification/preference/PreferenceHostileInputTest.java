package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.netzerocities.testsupport.MemberTokens.namingNoMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.MemberTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client puts as preferences, a bad request is a 4xx problem, never a 5xx, and changes nothing. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PreferenceHostileInputTest extends ConsumingServiceTest {

    private static final String CALLER = "caller-" + UUID.randomUUID();
    private static final String CHANNELS = "{\"inApp\":true,\"live\":true,\"email\":\"OFF\"}";
    private static final Map<String, String> VALID = Map.of(
            "categories", "{\"EVENTS\":" + CHANNELS + "}",
            "optIns", "{}",
            "quietHours", "{\"start\":\"22:00\",\"end\":\"07:00\"}");

    @Autowired
    PreferenceStore store;

    /** Every request below is refused: the caller, who never saved anything, still has nothing stored. */
    @AfterEach
    void nothingWasStored() {
        assertThat(store.stored(CALLER)).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> preferencesRefuseWhatTheyCannotUse() {
        return Stream.of(
                hostile("not JSON", preferences("{categories")),
                hostile("an array", preferences("[]")),
                hostile("no body", put("/api/notifications/preferences").with(asMember(CALLER))
                        .contentType(MediaType.APPLICATION_JSON)),
                hostile("unknown category", spoiled("categories", "{\"WEATHER\":" + CHANNELS + "}")),
                hostile("operator as category", spoiled("categories", "{\"$gt\":" + CHANNELS + "}")),
                hostile("huge category", spoiled("categories", "{\"" + "E".repeat(100_000) + "\":" + CHANNELS + "}")),
                hostile("category not an object", spoiled("categories", "{\"EVENTS\":\"OFF\"}")),
                hostile("null category", spoiled("categories", "{\"EVENTS\":null}")),
                hostile("categories an array", spoiled("categories", "[" + CHANNELS + "]")),
                hostile("channel missing", spoiled("categories", "{\"EVENTS\":{\"inApp\":true,\"email\":\"OFF\"}}")),
                hostile("in-app not a boolean",
                        spoiled("categories", "{\"EVENTS\":{\"inApp\":\"maybe\",\"live\":true,\"email\":\"OFF\"}}")),
                hostile("operator as in-app",
                        spoiled("categories", "{\"EVENTS\":{\"inApp\":{\"$ne\":null},\"live\":true,\"email\":\"OFF\"}}")),
                hostile("unknown email choice",
                        spoiled("categories", "{\"EVENTS\":{\"inApp\":true,\"live\":true,\"email\":\"HOURLY\"}}")),
                hostile("control characters as email choice", spoiled("categories",
                        "{\"EVENTS\":{\"inApp\":true,\"live\":true,\"email\":\"O\\u0000F\\u001bF\"}}")),
                hostile("null email choice",
                        spoiled("categories", "{\"EVENTS\":{\"inApp\":true,\"live\":true,\"email\":null}}")),
                hostile("unknown opt-in", spoiled("optIns", "{\"EVERYTHING\":true}")),
                hostile("a kind that needs no opt-in", spoiled("optIns", "{\"MENTION\":true}")),
                hostile("null opt-in", spoiled("optIns", "{\"MENTION\":null}")),
                hostile("operator as opt-in", spoiled("optIns", "{\"$where\":\"1\"}")),
                hostile("quiet hours not times", spoiled("quietHours", "{\"start\":\"late\",\"end\":\"early\"}")),
                hostile("quiet hours past midnight", spoiled("quietHours", "{\"start\":\"25:00\",\"end\":\"07:00\"}")),
                hostile("quiet hours without end", spoiled("quietHours", "{\"start\":\"22:00\"}")),
                hostile("quiet hours empty", spoiled("quietHours", "{\"start\":\"22:00\",\"end\":\"22:00\"}")),
                hostile("quiet hours a string", spoiled("quietHours", "\"22-07\"")),
                hostile("huge quiet hour", spoiled("quietHours",
                        "{\"start\":\"" + "2".repeat(100_000) + "\",\"end\":\"07:00\"}")),
                hostile("no token", put("/api/notifications/preferences").contentType(MediaType.APPLICATION_JSON)
                        .content("{}")),
                hostile("garbage token", get("/api/notifications/preferences").header("Authorization", "Bearer x.y")),
                hostile("token naming no member", get("/api/notifications/preferences").with(namingNoMember())));
    }

    /** A subject that would be a query operator in a query built from JSON matches no one's preferences. */
    @Test
    void aTokenWhoseSubjectIsAQueryOperatorReadsNoOnesPreferences() throws Exception {
        String member = UUID.randomUUID().toString();
        store.unsubscribe(member, Category.EVENTS);
        for (String subject : MemberTokens.HOSTILE_SUBJECTS) {
            http.perform(get("/api/notifications/preferences").with(asMember(subject)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.categories.EVENTS.email").value("IMMEDIATE"));
        }
    }

    private static MockHttpServletRequestBuilder spoiled(String field, String rawValue) {
        return preferences(HostileRequests.spoiled(VALID, field, rawValue));
    }

    private static MockHttpServletRequestBuilder preferences(String body) {
        return put("/api/notifications/preferences").with(asMember(CALLER)).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
