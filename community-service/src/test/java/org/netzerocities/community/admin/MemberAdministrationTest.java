package org.netzerocities.community.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Admins find members, suspend and reinstate them, and erase accounts on request. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class MemberAdministrationTest {

    private static final String MEMBERS = "/api/community/admin/members";

    @Autowired
    MockMvc http;

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    @Test
    void adminsFindMembersByPartOfTheirEmailOrAccentInsensitiveNameByCityRoleAndStatus() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Registered zoe = api().register("Zoë Admin" + tag, "cluj-napoca");
        Registered yan = api().register("Yan Admin" + tag, "malmo");
        api().grant(yan.id(), "FACILITATOR", null);
        String admin = api().admin();

        String byName = find(admin, "q", "zoe admin" + tag);
        assertThat(JsonPath.<List<String>>read(byName, "$.items[*].id")).containsExactly(zoe.id());
        assertThat(JsonPath.<String>read(byName, "$.items[0].status")).isEqualTo("ACTIVE");
        assertThat(JsonPath.<String>read(byName, "$.items[0].email")).isEqualTo(zoe.email());
        assertThat(JsonPath.<Boolean>read(byName, "$.items[0].emailVerified")).isFalse();
        assertThat(JsonPath.<String>read(byName, "$.items[0].joinedAt")).isNotBlank();
        assertThat(JsonPath.<List<String>>read(byName, "$.items[0].roles[*].role")).containsExactly("MEMBER");

        String byEmail = find(admin, "q", yan.email().substring(0, yan.email().indexOf('@')).toUpperCase());
        assertThat(JsonPath.<List<String>>read(byEmail, "$.items[*].id")).containsExactly(yan.id());

        String tagged = "admin" + tag;
        assertThat(JsonPath.<List<String>>read(find(admin, "q", tagged, "city", "malmo"), "$.items[*].id"))
                .containsExactly(yan.id());
        assertThat(JsonPath.<List<String>>read(find(admin, "q", tagged, "role", "FACILITATOR"), "$.items[*].id"))
                .containsExactly(yan.id());
        String bothByName = find(admin, "q", tagged, "size", "1");
        assertThat(JsonPath.<Integer>read(bothByName, "$.total")).isEqualTo(2);
        assertThat(JsonPath.<List<String>>read(bothByName, "$.items[*].id")).containsExactly(yan.id());
        assertThat(JsonPath.<List<String>>read(find(admin, "q", tagged, "size", "1", "page", "1"), "$.items[*].id"))
                .containsExactly(zoe.id());

        suspend(admin, zoe.id(), "spam").andExpect(status().isOk());
        assertThat(JsonPath.<List<String>>read(find(admin, "q", tagged, "status", "SUSPENDED"), "$.items[*].id"))
                .containsExactly(zoe.id());
        assertThat(JsonPath.<List<String>>read(find(admin, "q", tagged, "status", "ACTIVE"), "$.items[*].id"))
                .containsExactly(yan.id());
    }

    @Test
    void aSuspendedMemberCannotLogInNorUseTheirTokenUntilReinstated() throws Exception {
        Registered ana = api().register("Ana Suspended", "cluj-napoca");
        String admin = api().admin();

        suspend(admin, ana.id(), "  harassment reported twice  ")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.suspendedAt").isNotEmpty());

        http.perform(get("/api/community/members/me").with(bearer(ana.token())))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        logIn(ana.email(), CommunityApi.PASSWORD)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/account-suspended"));
        // only the right password learns of the suspension
        logIn(ana.email(), "not the password").andExpect(status().isUnauthorized());

        http.perform(json(delete(MEMBERS + "/{id}/suspension", ana.id()).with(bearer(admin)),
                        "{\"reason\":\"appeal upheld\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"));

        String token = api().logIn(ana);
        http.perform(get("/api/community/members/me").with(bearer(token))).andExpect(status().isOk());
    }

    @Test
    void suspendingTwiceOrReinstatingAnActiveMemberChangesNothing() throws Exception {
        Registered ben = api().register("Ben Twice", "malmo");
        String admin = api().admin();
        String first = suspend(admin, ben.id(), "spam").andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        suspend(admin, ben.id(), "again").andExpect(status().isOk())
                .andExpect(jsonPath("$.suspendedAt").value(JsonPath.<String>read(first, "$.suspendedAt")));
        http.perform(delete(MEMBERS + "/{id}/suspension", ben.id()).with(bearer(admin))).andExpect(status().isOk());
        http.perform(delete(MEMBERS + "/{id}/suspension", ben.id()).with(bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aSuspensionNeedsAReasonAndNeitherTheAdminsOwnAccountNorAnotherAdminsCanBeSuspendedOrErased()
            throws Exception {
        Registered cleo = api().register("Cleo Admin", "malmo");
        api().grant(cleo.id(), "ADMIN", null);
        String cleoToken = api().logIn(cleo);
        String admin = api().admin();

        suspend(admin, cleo.id(), "   ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        http.perform(json(post(MEMBERS + "/{id}/suspension", cleo.id()).with(bearer(admin)), "{}"))
                .andExpect(status().isBadRequest());
        suspend(admin, cleo.id(), "rogue admin").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/admin-account"));
        suspend(cleoToken, cleo.id(), "myself").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/own-account"));
        http.perform(delete(MEMBERS + "/{id}", cleo.id()).with(bearer(admin))).andExpect(status().isConflict());
        suspend(admin, UUID.randomUUID().toString(), "nobody").andExpect(status().isNotFound());
        http.perform(get("/api/community/members/me").with(bearer(cleoToken))).andExpect(status().isOk());
    }

    @Test
    void onlyAdminsAdministerMembers() throws Exception {
        Registered dan = api().register("Dan Member", "malmo");
        Registered eva = api().register("Eva Member", "malmo");

        for (MockHttpServletRequestBuilder request : List.of(get(MEMBERS),
                json(post(MEMBERS + "/{id}/suspension", eva.id()), "{\"reason\":\"x\"}"),
                delete(MEMBERS + "/{id}/suspension", eva.id()), delete(MEMBERS + "/{id}", eva.id()),
                get("/api/community/admin/audit"))) {
            http.perform(request.with(bearer(dan.token())))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        http.perform(get("/api/community/members/me").with(bearer(eva.token()))).andExpect(status().isOk());
    }

    @Test
    void anAdminErasesAnAccountOnRequestByTheMembersOwnErasurePath() throws Exception {
        Registered fay = api().register("Fay Erased", "malmo");
        String admin = api().admin();

        http.perform(delete(MEMBERS + "/{id}", fay.id()).with(bearer(admin))).andExpect(status().isNoContent());

        http.perform(get("/api/community/members/me").with(bearer(fay.token()))).andExpect(status().isUnauthorized());
        logIn(fay.email(), CommunityApi.PASSWORD).andExpect(status().isUnauthorized());
        assertThat(JsonPath.<Integer>read(find(admin, "q", fay.email()), "$.total")).isZero();
        // erased stubs have no name, which would sort them first
        assertThat(JsonPath.<List<String>>read(find(admin, "size", "100"), "$.items[*].email"))
                .noneMatch(email -> email.startsWith("erased:"));
        http.perform(delete(MEMBERS + "/{id}", fay.id()).with(bearer(admin))).andExpect(status().isNotFound());
    }

    private String find(String token, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get(MEMBERS).with(bearer(token));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions suspend(String token, String memberId, String reason) throws Exception {
        return http.perform(json(post(MEMBERS + "/{id}/suspension", memberId).with(bearer(token)),
                "{\"reason\":\"" + reason + "\"}"));
    }

    private ResultActions logIn(String email, String password) throws Exception {
        return http.perform(json(post("/api/community/auth/token"),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }
}
