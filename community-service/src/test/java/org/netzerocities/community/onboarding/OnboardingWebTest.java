package org.netzerocities.community.onboarding;

import static org.netzerocities.community.onboarding.OnboardingFlowTest.admin;
import static org.netzerocities.community.onboarding.OnboardingFlowTest.joinedPayload;
import static org.netzerocities.community.onboarding.OnboardingFlowTest.member;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may call which onboarding route, in which language content is served, and what hostile input gets. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class OnboardingWebTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String VERSIONS = "/api/community/onboarding/manifesto/versions";
    private static final String AMENDMENTS = "/api/community/onboarding/manifesto/amendments";
    private static final String ACCEPTANCE = "/api/community/onboarding/manifesto/acceptance";
    private static final String GUIDE_RO = "/api/community/onboarding/guides/MEMBER/translations/ro";
    private static final String GUIDE = "{\"title\":\"Primii pași\",\"sections\":[{\"title\":\"Profil\","
            + "\"body\":\"Completează profilul.\",\"links\":[{\"label\":\"Profil\",\"path\":\"/members/me\"}]}]}";
    private static final String MANIFESTO = "{\"summary\":\"s\",\"text\":\"t\"}";

    @Autowired
    MockMvc http;
    @Autowired
    @Qualifier("onboardingOnMemberJoined")
    EventHandler<MemberJoined> onJoined;

    @Test
    void onlyAdminsPublishAndTranslate() throws Exception {
        for (var caller : List.of(member(UUID.randomUUID().toString()), jwt())) {
            send(post(VERSIONS).with(caller), MANIFESTO).andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            send(put(VERSIONS + "/1/translations/ro").with(caller), MANIFESTO).andExpect(status().isForbidden());
            send(put(GUIDE_RO).with(caller), GUIDE).andExpect(status().isForbidden());
        }
        send(post(VERSIONS), MANIFESTO).andExpect(status().isUnauthorized());
    }

    @Test
    void onlyMembersAcceptSeeTheirKitAndAmend() throws Exception {
        var noMemberRole = jwt().jwt(token -> token.subject(UUID.randomUUID().toString()));
        http.perform(post(ACCEPTANCE).with(noMemberRole)).andExpect(status().isForbidden());
        http.perform(get("/api/community/onboarding").with(noMemberRole)).andExpect(status().isForbidden());
        send(post(AMENDMENTS).with(noMemberRole), "{\"text\":\"x\"}").andExpect(status().isForbidden());
        http.perform(post(ACCEPTANCE)).andExpect(status().isUnauthorized());
        http.perform(get("/api/community/onboarding")).andExpect(status().isUnauthorized());
        http.perform(get(AMENDMENTS)).andExpect(status().isUnauthorized());
    }

    @Test
    void theManifestoAndTheGuidesArePublic() throws Exception {
        http.perform(get("/api/community/onboarding/manifesto")).andExpect(status().isOk())
                .andExpect(jsonPath("$.current.language").value("en"))
                .andExpect(jsonPath("$.versions[0].version").value(1));
        http.perform(get(VERSIONS + "/1")).andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("climate-neutral by 2030")));
        http.perform(get("/api/community/onboarding/guides/TRANSITION_TEAM")).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections[1].title").value("Find your local champions"));
    }

    @Test
    void contentIsServedInTheMembersFirstLanguageWhenTranslatedElseEnglish() throws Exception {
        send(put(GUIDE_RO).with(admin()), GUIDE).andExpect(status().isOk()).andExpect(jsonPath("$.language").value("ro"));
        send(put(VERSIONS + "/1/translations/ro").with(admin()), "{\"summary\":\"Primul\",\"text\":\"Manifest\"}")
                .andExpect(status().isOk());
        send(put(VERSIONS + "/1/translations/en").with(admin()), MANIFESTO).andExpect(status().isBadRequest());
        String romanian = UUID.randomUUID().toString();
        HandlerHarness.deliver(onJoined, romanian, joinedPayload(romanian, "cluj-napoca", true));
        String german = UUID.randomUUID().toString();
        MemberJoined joined = joinedPayload(german, "leipzig", true);
        HandlerHarness.deliver(onJoined, german, new MemberJoined(german, "M", "leipzig", List.of("de"), List.of(),
                "Europe/Berlin", null, null, true, joined.joinedAt()));
        var transitionTeam = jwt().jwt(token -> token.subject(romanian).claim("roles", List.of("MEMBER"))
                .claim("grants", List.of(java.util.Map.of("role", "TRANSITION_TEAM", "city", "cluj-napoca"))))
                .authorities(new SimpleGrantedAuthority("ROLE_MEMBER"));

        http.perform(get("/api/community/onboarding").with(transitionTeam)).andExpect(status().isOk())
                .andExpect(jsonPath("$.guides[0].role").value("MEMBER"))
                .andExpect(jsonPath("$.guides[0].language").value("ro"))
                .andExpect(jsonPath("$.guides[0].title").value("Primii pași"))
                .andExpect(jsonPath("$.guides[1].role").value("TRANSITION_TEAM"))
                .andExpect(jsonPath("$.guides[1].language").value("en"));
        http.perform(get("/api/community/onboarding").with(member(german)))
                .andExpect(jsonPath("$.guides.length()").value(1))
                .andExpect(jsonPath("$.guides[0].language").value("en"))
                .andExpect(jsonPath("$.manifesto.language").value("en"));
    }

    @TestFactory
    Stream<DynamicTest> everyOnboardingRouteRefusesWhatItCannotUse() {
        var member = member(UUID.randomUUID().toString());
        var admin = admin();
        return Stream.of(
                hostile("acceptance: version as a word", json(post(ACCEPTANCE).with(member), "{\"version\":\"one\"}")),
                hostile("acceptance: negative version", json(post(ACCEPTANCE).with(member), "{\"version\":-1}")),
                hostile("acceptance: version that does not exist",
                        json(post(ACCEPTANCE).with(member), "{\"version\":999999}")),
                hostile("acceptance: operator as version", json(post(ACCEPTANCE).with(member), "{\"version\":" + OPERATOR + "}")),
                hostile("acceptance: version beyond int",
                        json(post(ACCEPTANCE).with(member), "{\"version\":99999999999}")),
                hostile("acceptance: array body", json(post(ACCEPTANCE).with(member), "[1]")),
                hostile("publish: null text", json(post(VERSIONS).with(admin), "{\"summary\":\"s\",\"text\":null}")),
                hostile("publish: huge text",
                        json(post(VERSIONS).with(admin), "{\"summary\":\"s\",\"text\":\"" + HUGE + "\"}")),
                hostile("publish: control characters in summary",
                        json(post(VERSIONS).with(admin), "{\"summary\":\"" + CONTROL + "\",\"text\":\"t\"}")),
                hostile("publish: operator as text",
                        json(post(VERSIONS).with(admin), "{\"summary\":\"s\",\"text\":" + OPERATOR + "}")),
                hostile("publish: array as summary",
                        json(post(VERSIONS).with(admin), "{\"summary\":[\"s\"],\"text\":\"t\"}")),
                hostile("publish: empty body", json(post(VERSIONS).with(admin), "")),
                hostile("translate: version that does not exist",
                        json(put(VERSIONS + "/999999/translations/ro").with(admin), MANIFESTO)),
                hostile("translate: negative version", json(put(VERSIONS + "/-1/translations/ro").with(admin), MANIFESTO)),
                hostile("translate: version not a number",
                        json(put(VERSIONS + "/abc/translations/ro").with(admin), MANIFESTO)),
                hostile("translate: not a language", json(put(VERSIONS + "/1/translations/romanian").with(admin), MANIFESTO)),
                hostile("translate: operator as language",
                        json(put(VERSIONS + "/1/translations/{l}", OPERATOR).with(admin), MANIFESTO)),
                hostile("translate: huge text", json(put(VERSIONS + "/1/translations/ro").with(admin),
                        "{\"summary\":\"s\",\"text\":\"" + HUGE + "\"}")),
                hostile("read version: does not exist", get(VERSIONS + "/999999")),
                hostile("read version: zero", get(VERSIONS + "/0")),
                hostile("read manifesto: operator as language",
                        get("/api/community/onboarding/manifesto").param("language", OPERATOR)),
                hostile("read manifesto: huge language",
                        get("/api/community/onboarding/manifesto").param("language", HUGE)),
                hostile("guide: unknown role", get("/api/community/onboarding/guides/WIZARD")),
                hostile("guide: control characters as language",
                        get("/api/community/onboarding/guides/MEMBER").param("language", "r\u0000")),
                hostile("guide translation: null among sections", json(put(GUIDE_RO).with(admin),
                        "{\"title\":\"t\",\"sections\":[null]}")),
                hostile("guide translation: no sections", json(put(GUIDE_RO).with(admin),
                        "{\"title\":\"t\",\"sections\":[]}")),
                hostile("guide translation: link outside the portal", json(put(GUIDE_RO).with(admin),
                        "{\"title\":\"t\",\"sections\":[{\"title\":\"a\",\"body\":\"b\",\"links\":"
                                + "[{\"label\":\"l\",\"path\":\"https://evil.example\"}]}]}")),
                hostile("guide translation: null among links", json(put(GUIDE_RO).with(admin),
                        "{\"title\":\"t\",\"sections\":[{\"title\":\"a\",\"body\":\"b\",\"links\":[null]}]}")),
                hostile("guide translation: operator as title", json(put(GUIDE_RO).with(admin),
                        "{\"title\":" + OPERATOR + ",\"sections\":[{\"title\":\"a\",\"body\":\"b\"}]}")),
                hostile("guide translation: huge body", json(put(GUIDE_RO).with(admin),
                        "{\"title\":\"t\",\"sections\":[{\"title\":\"a\",\"body\":\"" + HUGE + "\"}]}")),
                hostile("guide translation: unknown role",
                        json(put("/api/community/onboarding/guides/ADMIN/translations/ro").with(admin), GUIDE)),
                hostile("amendment: null text", json(post(AMENDMENTS).with(member), "{\"text\":null}")),
                hostile("amendment: huge text", json(post(AMENDMENTS).with(member), "{\"text\":\"" + HUGE + "\"}")),
                hostile("amendment: control characters in section",
                        json(post(AMENDMENTS).with(member), "{\"text\":\"t\",\"section\":\"" + CONTROL + "\"}")),
                hostile("amendment: operator as text", json(post(AMENDMENTS).with(member), "{\"text\":" + OPERATOR + "}")),
                hostile("amendment: number as section",
                        json(post(AMENDMENTS).with(member), "{\"text\":\"t\",\"section\":[1]}")),
                hostile("amendments: negative page", get(AMENDMENTS).with(member).param("page", "-1")),
                hostile("amendments: page beyond int", get(AMENDMENTS).with(member).param("page", "99999999999")),
                hostile("amendments: page whose offset overflows",
                        get(AMENDMENTS).with(member).param("page", "2147483647")),
                hostile("amendments: size too big", get(AMENDMENTS).with(member).param("size", "500")),
                hostile("amendments: operator as draft", get(AMENDMENTS).with(member).param("draftVersion", OPERATOR)),
                hostile("amendments: negative draft", get(AMENDMENTS).with(member).param("draftVersion", "-3")));
    }

    @Test
    void aMemberCannotFloodTheDraftWithProposals() throws Exception {
        var member = member(UUID.randomUUID().toString());
        for (int i = 0; i < Amendments.MAX_PER_MEMBER; i++) {
            send(post(AMENDMENTS).with(member), "{\"text\":\"Proposal " + i + "\",\"section\":\"2. We are open\"}")
                    .andExpect(status().isCreated());
        }
        send(post(AMENDMENTS).with(member), "{\"text\":\"One more\"}").andExpect(status().isConflict());
        http.perform(get(AMENDMENTS).with(member).param("size", "5")).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(5))
                .andExpect(jsonPath("$.items[0].yours").value(true))
                .andExpect(jsonPath("$.items[0].authorId").doesNotExist());
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private org.springframework.test.web.servlet.ResultActions send(MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return http.perform(json(request, body));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
