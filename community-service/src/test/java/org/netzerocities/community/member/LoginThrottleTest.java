package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Log-ins within their quotas (5 failures per account, 50 per address in 15 minutes, the defaults), through the
 * API. Each test logs in from addresses of its own (documentation ranges), so that no other test's failures count.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class LoginThrottleTest {

    @Autowired
    MockMvc http;

    @Test
    void afterFiveFailuresAnAccountsLogInsAreRefused429WithRetryAfterEvenWithTheRightPassword() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        String address = address();
        for (int i = 0; i < 5; i++) {
            logIn(ana.email(), "not her password", address).andExpect(status().isUnauthorized());
        }

        logIn(ana.email(), CommunityApi.PASSWORD, address)
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/too-many-log-ins"))
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("8\\d\\d|900")));
        // the same account, however written, from another address
        logIn(" " + ana.email().toUpperCase(java.util.Locale.ROOT), CommunityApi.PASSWORD, address())
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void onlyFailuresCountAndASuccessfulLogInForgetsTheAccountsFailures() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        String address = address();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                logIn(ana.email(), "not her password", address).andExpect(status().isUnauthorized());
            }
            logIn(ana.email(), CommunityApi.PASSWORD, address).andExpect(status().isOk());
        }
        for (int i = 0; i < 6; i++) {
            logIn(ana.email(), CommunityApi.PASSWORD, address).andExpect(status().isOk());
        }
    }

    @Test
    void successfulLogInsFromAnAddressAreNoFailuresOfIt() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        String address = address();
        // as many successes as the address may fail: were they counted, the next failure would be a 429
        for (int i = 0; i < 50; i++) {
            logIn(ana.email(), CommunityApi.PASSWORD, address).andExpect(status().isOk());
        }
        logIn(ana.email(), "not her password", address).andExpect(status().isUnauthorized());
    }

    @Test
    void anAddressThatFailedFiftyTimesOverManyAccountsIsRefusedForAnyAccountAndOtherAddressesAreNot()
            throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        String address = address();
        for (int i = 0; i < 50; i++) {
            logIn(CommunityApi.uniqueEmail("sprayed"), "a guessed password", address)
                    .andExpect(status().isUnauthorized());
        }

        logIn(ana.email(), CommunityApi.PASSWORD, address)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        logIn(ana.email(), CommunityApi.PASSWORD, address()).andExpect(status().isOk());
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswerThenTheSameRefusal() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        String unknown = CommunityApi.uniqueEmail("nobody");

        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse wrongPassword = logIn(ana.email(), "not her password", address()).andReturn()
                    .getResponse();
            MockHttpServletResponse unknownEmail = logIn(unknown, "not her password", address()).andReturn()
                    .getResponse();
            assertSameAnswer(wrongPassword, unknownEmail, 401);
        }
        assertSameAnswer(logIn(ana.email(), "not her password", address()).andReturn().getResponse(),
                logIn(unknown, "not her password", address()).andReturn().getResponse(), 429);
    }

    /**
     * An unknown email costs a password hash like a known one, so response times do not tell which accounts exist:
     * without it, an unknown email would be answered some fifty times faster than a wrong password.
     */
    @Test
    void anUnknownEmailTakesAboutAsLongAsAWrongPassword() throws Exception {
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        for (int account = 0; account < 3; account++) {
            Registered member = api().register("Ana", "cluj-napoca");
            String unknown = CommunityApi.uniqueEmail("nobody");
            for (int i = 0; i < 3; i++) {
                wrongPassword.add(timed(member.email()));
                unknownEmail.add(timed(unknown));
            }
        }
        assertThat((double) median(unknownEmail)).isBetween(median(wrongPassword) / 2.0, median(wrongPassword) * 2.0);
    }

    private long timed(String email) throws Exception {
        long start = System.nanoTime();
        logIn(email, "not the password", address()).andExpect(status().isUnauthorized());
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private static void assertSameAnswer(MockHttpServletResponse one, MockHttpServletResponse other, int status)
            throws Exception {
        assertThat(one.getStatus()).isEqualTo(status);
        assertThat(other.getStatus()).isEqualTo(status);
        assertThat(other.getContentAsString()).isEqualTo(one.getContentAsString());
        assertThat(other.getHeaderNames()).containsExactlyInAnyOrderElementsOf(one.getHeaderNames());
    }

    private ResultActions logIn(String email, String password, String address) throws Exception {
        return http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                }));
    }

    /** A client address of no other test: random in 198.18.0.0/15, the range kept for benchmarks. */
    private static String address() {
        var random = ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }
}
