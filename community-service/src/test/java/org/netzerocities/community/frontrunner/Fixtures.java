package org.netzerocities.community.frontrunner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.MemberService;
import org.netzerocities.community.member.Role;
import org.netzerocities.community.member.RoleGrantRequest;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.netzerocities.community.CommunityApi;

import com.jayway.jsonpath.JsonPath;

/** Members registered through the API, appointed by an admin, and the tokens they would get at their next log-in. */
record Fixtures(MockMvc http, MemberService members, TokenIssuer tokens) {

    static final Caller ADMIN = new Caller("admin-" + UUID.randomUUID(), Set.of(GlobalRole.MEMBER, GlobalRole.ADMIN),
            Set.of());

    Member register(String city) throws Exception {
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"fr-%s@example.org","password":"correct horse battery","displayName":"Ana Pop",
                 "city":"%s","languages":["ro"],"interests":["energy"],%s}""".formatted(UUID.randomUUID(), city,
                CommunityApi.consent(http))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return members.get(JsonPath.read(body, "$.member.id"));
    }

    Member transitionTeam(String city) throws Exception {
        return members.grantRole(register(city).id(), new RoleGrantRequest(Role.TRANSITION_TEAM, city), ADMIN);
    }

    String tokenOf(Member member) {
        return tokenOf(members.get(member.id()).asCaller());
    }

    String tokenOf(Caller caller) {
        return tokens.issue(caller, "Tester", null).accessToken();
    }
}
