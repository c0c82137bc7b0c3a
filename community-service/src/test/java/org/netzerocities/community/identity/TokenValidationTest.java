package org.netzerocities.community.identity;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.testsupport.ForgedTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The tokens community-service checks itself (with its own key, not through the gateway): each way a token can
 * be wrong is a 401 problem, and a valid token of a member who may not do something is a 403, or a 404 where
 * telling that something exists would leak.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class TokenValidationTest {

    @Autowired
    MockMvc http;
    @Autowired
    RSAKey tokenSigningKey;
    @Autowired
    IdentityProperties identity;

    @TestFactory
    Stream<DynamicTest> aTokenThatIsNotValidIsA401ProblemEvenOnAPublicRoute() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        ForgedTokens tokens = new ForgedTokens(tokenSigningKey, identity.issuer());
        unauthenticated(http.perform(get("/api/community/members/me")));
        http.perform(get("/api/community/members/me").with(bearer(tokens.valid(ana.id())))).andExpect(status().isOk());

        return tokens.refused(ana.id()).entrySet().stream().map(forged -> DynamicTest.dynamicTest(forged.getKey(),
                () -> {
                    unauthenticated(http.perform(get("/api/community/members/me").with(bearer(forged.getValue()))));
                    unauthenticated(http.perform(get("/api/community/cities").with(bearer(forged.getValue()))));
                }));
    }

    @Test
    void aValidTokenOfAMemberWhoMayNotIsA403OrA404WhereExistenceMustNotLeak() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        Registered bob = api().register("Bob", "cluj-napoca");

        http.perform(json(post("/api/community/members/{id}/roles", bob.id()), "{\"role\":\"ADMIN\"}")
                        .with(bearer(ana.token())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/forbidden"));

        String offer = http.perform(json(post("/api/community/collaboration-requests"), """
                        {"topic":"Bike lanes","idea":"A car-free Sunday","contribution":"ORGANISING_EVENTS"}""")
                        .with(bearer(bob.token())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        http.perform(get("/api/community/collaboration-requests/{id}", JsonPath.<String>read(offer, "$.id"))
                        .with(bearer(ana.token())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private static void unauthenticated(ResultActions response) throws Exception {
        response.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/unauthenticated"));
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }
}
