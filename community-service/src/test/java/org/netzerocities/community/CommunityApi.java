package org.netzerocities.community;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/**
 * Registration and log-in through community-service's own routes, for tests that need real members with real
 * tokens. The admin is the one the tests configure: {@code nzc.admin.email=admin@nzc.test}.
 */
public final class CommunityApi {

    public static final String PASSWORD = "correct horse battery";
    public static final String ADMIN_EMAIL = "admin@nzc.test";
    public static final String ADMIN_PASSWORD = "admin-password-1";

    private final MockMvc http;

    public CommunityApi(MockMvc http) {
        this.http = http;
    }

    /** An address no other test uses, made of the name's ASCII letters and digits (names may have spaces, accents). */
    public static String uniqueEmail(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public Registered register(String name, String city) throws Exception {
        String email = uniqueEmail(name);
        String body = http.perform(post("/api/community/members").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email":"%s","password":"%s","displayName":"%s","city":"%s",
                                 "languages":["ro","en"],"interests":["energy"],%s}""".formatted(email, PASSWORD,
                                name, city, consent(http))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Registered(JsonPath.read(body, "$.member.id"), email, JsonPath.read(body, "$.accessToken"));
    }

    /**
     * The fields by which a registration accepts the terms in force and confirms the minimum age, as raw JSON
     * members ({@code "termsVersion":1,"minimumAgeConfirmed":true}). The version is read each time: a test may
     * have published a newer one in the database the test classes share.
     */
    public static String consent(MockMvc http) throws Exception {
        return "\"termsVersion\":" + currentTerms(http) + ",\"minimumAgeConfirmed\":true";
    }

    /** The version of the terms in force, as a client reads it. */
    public static int currentTerms(MockMvc http) throws Exception {
        return JsonPath.read(http.perform(get("/api/community/terms")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(), "$.version");
    }

    public String logIn(String email, String password) throws Exception {
        String body = http.perform(post("/api/community/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.accessToken");
    }

    /** A fresh token: roles granted since registration take effect in the next token. */
    public String logIn(Registered member) throws Exception {
        return logIn(member.email(), PASSWORD);
    }

    public String admin() throws Exception {
        return logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** Grants a role as an admin. */
    public void grant(String memberId, String role, String city) throws Exception {
        http.perform(post("/api/community/members/{id}/roles", memberId).with(bearer(admin()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(city == null ? "{\"role\":\"" + role + "\"}"
                                : "{\"role\":\"" + role + "\",\"city\":\"" + city + "\"}"))
                .andExpect(status().isOk());
    }

    public static org.springframework.test.web.servlet.request.RequestPostProcessor bearer(String token) {
        return request -> {
            request.addHeader("Authorization", "Bearer " + token);
            return request;
        };
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public record Registered(String id, String email, String token) {
    }
}
