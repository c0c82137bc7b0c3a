package org.netzerocities.community.directory;

import static org.netzerocities.community.directory.Members.transitionTeam;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client sends to the directory and the city view, the answer is never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=" + Members.ADMIN_EMAIL, "nzc.admin.password=" + Members.ADMIN_PASSWORD })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class DirectoryHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\u0000\u0007\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String DASHBOARD = "/api/community/cities/{id}/dashboard";

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> theDirectoryRefusesWhatItCannotUse() {
        return Stream.of(
                refused("operator as city", directory().param("city", OPERATOR)),
                refused("operator in a parameter name", directory().param("city[$ne]", "x")),
                refused("unknown parameter", directory().param("email", "a@example.org")),
                refused("repeated city", directory().param("city", "elbasan", "tartu")),
                refused("unknown city", directory().param("city", "atlantis")),
                refused("huge city", directory().param("city", HUGE)),
                refused("control characters as city", directory().param("city", "tartu\u0000")),
                refused("operator as role", directory().param("role", "{\"$ne\":null}")),
                refused("operators' role", directory().param("role", "ADMIN")),
                refused("unknown role", directory().param("role", "WIZARD")),
                refused("operator as language", directory().param("language", "{\"$ne\":1}")),
                refused("huge topic", directory().param("topic", HUGE)),
                refused("control characters in topic", directory().param("topic", CONTROL)),
                refused("huge text", directory().param("q", HUGE)),
                refused("text over 100 characters", directory().param("q", "a".repeat(101))),
                refused("control characters in text", directory().param("q", CONTROL)),
                refused("operator as sort", directory().param("sort", "{\"$natural\":1}")),
                refused("field name as sort", directory().param("sort", "email")),
                refused("page not a number", directory().param("page", "abc")),
                refused("page beyond int", directory().param("page", "99999999999")),
                refused("page whose offset overflows", directory().param("page", "2147483647")),
                refused("negative page", directory().param("page", "-1")),
                refused("size zero", directory().param("size", "0")),
                refused("size over 100", directory().param("size", "101")),
                refused("no token", get("/api/community/members")),
                refused("garbage token", get("/api/community/members").header("Authorization", "Bearer " + HUGE)));
    }

    /** Text is text: operators and pattern characters in it are searched for literally, and find nobody. */
    @TestFactory
    Stream<DynamicTest> theDirectorySearchesHostileTextLiterally() {
        return Stream.of("{\"$gt\":\"\"}", ".*", "(", "\\", "[", "^", "$", "a|b".repeat(30), "(a+)+$", "\\Q\\E")
                .map(q -> DynamicTest.dynamicTest("q=" + q, () -> http.perform(directory().param("q", q)
                        .param("city", "liberec"))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.total").value(0))));
    }

    @TestFactory
    Stream<DynamicTest> theCityViewRefusesWhatItCannotUse() throws Exception {
        String admin = new Members(http).admin();
        return Stream.of(
                refused("operator as city id, admin", get(DASHBOARD, OPERATOR).header("Authorization", "Bearer " + admin)),
                refused("huge city id, admin", get(DASHBOARD, HUGE).header("Authorization", "Bearer " + admin)),
                refused("control characters as city id, admin",
                        get(DASHBOARD, CONTROL).header("Authorization", "Bearer " + admin)),
                refused("encoded slash in city id",
                        get("/api/community/cities/a%2F..%2Ftartu/dashboard").header("Authorization", "Bearer " + admin)),
                refused("operator as city id, transition team", get(DASHBOARD, OPERATOR)
                        .with(transitionTeam("team", "liberec"))),
                refused("another city's id", get(DASHBOARD, "tartu").with(transitionTeam("team", "liberec"))),
                refused("huge id, transition team", get(DASHBOARD, HUGE).with(transitionTeam("team", "liberec"))),
                refused("no token", get(DASHBOARD, "liberec")));
    }

    private static MockHttpServletRequestBuilder directory() {
        return get("/api/community/members").with(transitionTeam("reader", "liberec"));
    }

    private DynamicTest refused(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }
}
