package org.netzerocities.community.directory;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import org.netzerocities.community.CommunityApi;

import com.jayway.jsonpath.JsonPath;

/** Members made through the HTTP routes, as a client would, for the directory's and city view's tests. */
public final class Members {

    public static final String ADMIN_EMAIL = "admin@nzc.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final MockMvc http;

    public Members(MockMvc http) {
        this.http = http;
    }

    public record Registered(String id, String token) {
    }

    /** A registered member; {@code extra} is raw JSON fields, e.g. {@code "callCode":"X"}. */
    public Registered register(String displayName, String city, String languages, String interests, String extra)
            throws Exception {
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON).content("""
                {"email":"%s","password":"correct horse battery","displayName":"%s","city":"%s",
                 "languages":%s,"interests":%s,%s%s}""".formatted("m-" + UUID.randomUUID() + "@example.org",
                displayName, city, languages, interests, CommunityApi.consent(http),
                extra.isEmpty() ? "" : "," + extra)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Registered(JsonPath.read(body, "$.member.id"), JsonPath.read(body, "$.accessToken"));
    }

    /** Opts the member into the directory with this bio. */
    public void listed(Registered member, String bio) throws Exception {
        http.perform(patch("/api/community/members/me").header("Authorization", "Bearer " + member.token())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"directoryVisible\":true,\"bio\":\"" + bio + "\"}")).andExpect(status().isOk());
    }

    public void erase(Registered member) throws Exception {
        http.perform(delete("/api/community/members/me").header("Authorization", "Bearer " + member.token()))
                .andExpect(status().isNoContent());
    }

    public void grant(String memberId, String role) throws Exception {
        http.perform(post("/api/community/members/{id}/roles", memberId).header("Authorization", "Bearer " + admin())
                .contentType(MediaType.APPLICATION_JSON).content("{\"role\":\"" + role + "\"}"))
                .andExpect(status().isOk());
    }

    public String admin() throws Exception {
        String body = http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.accessToken");
    }

    /** A token of {@code memberId} on the transition team of {@code city}, as community-service would sign it. */
    public static JwtRequestPostProcessor transitionTeam(String memberId, String city) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of("MEMBER"))
                .claim("grants", List.of(Map.of("role", "TRANSITION_TEAM", "city", city))));
    }

    /** Letters only, so that it is one search word of its own. */
    public static String tag() {
        return "t" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }
}
