package org.netzerocities.testsupport;

import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.netzerocities.testsupport.MemberTokens.namingNoMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What every service's member data export keeps: the caller's own data only, whoever the request names and
 * whatever the token's subject holds, and nothing without a usable token. A service's export test extends it with
 * its route, how a member comes to be held there, and what the export's sections hold.
 */
public abstract class MemberExportContract extends ConsumingServiceTest {

    /** The export's route, e.g. {@code /api/learning/me/export}. */
    protected abstract String exportRoute();

    /** A member who joined in {@code city}, once the service holds all it keeps of them. */
    protected abstract String memberIn(String city);

    /** The service's sections of the export of {@code memberId}, a member of {@code city} made by memberIn. */
    protected abstract List<ResultMatcher> holdsTheDataOf(String memberId, String city);

    /** The service's sections of the export of a member it holds nothing of: empty. */
    protected abstract List<ResultMatcher> holdsNothing();

    @Test
    void aMemberGetsTheirOwnDataAndNobodyElses() throws Exception {
        String owner = memberIn("malmo");
        String other = memberIn("cluj-napoca");

        http.perform(get(exportRoute()).param("memberId", other).with(asMember(owner)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.memberId").value(owner))
                .andExpectAll(all(holdsTheDataOf(owner, "malmo")));
    }

    @Test
    void aMemberTheServiceKnowsNothingOfGetsAnEmptyExport() throws Exception {
        String stranger = UUID.randomUUID().toString();
        http.perform(get(exportRoute()).with(asMember(stranger)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.memberId").value(stranger))
                .andExpectAll(all(holdsNothing()));
    }

    /** The member id comes from the token alone: whatever it holds matches no one else's data. */
    @TestFactory
    Stream<DynamicTest> oddMemberIdsInTheTokenExportNothingOfOthers() {
        memberIn("malmo");
        return MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> DynamicTest.dynamicTest(
                MemberTokens.testName(subject), () -> http.perform(get(exportRoute()).with(asMember(subject)))
                        .andExpect(status().isOk())
                        .andExpectAll(all(holdsNothing()))));
    }

    @TestFactory
    Stream<DynamicTest> requestsWithoutAUsableTokenAreRefused() {
        String route = exportRoute();
        String encodedSlash = route.substring(0, route.lastIndexOf('/')) + "%2F..%2F"
                + route.substring(route.lastIndexOf('/') + 1);
        return Stream.of(
                refused("no token", get(route), 401),
                refused("garbage token", get(route).header("Authorization", "Bearer x.y.z"), 401),
                refused("token naming no member", get(route).with(namingNoMember()), 401),
                refused("another method", post(route).with(asMember("m-1")), 405),
                refused("encoded slash", get(encodedSlash).with(asMember("m-1")), 400));
    }

    private static ResultMatcher[] all(List<ResultMatcher> matchers) {
        return matchers.toArray(ResultMatcher[]::new);
    }

    private DynamicTest refused(String name, MockHttpServletRequestBuilder request, int status) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }
}
