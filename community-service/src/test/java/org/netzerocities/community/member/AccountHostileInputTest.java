package org.netzerocities.community.member;

import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Whatever a client sends to the account's security routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AccountHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "\"Ana\\u0000\\u0007\\u001b[31m\"";
    private static final String OPERATOR = "{\"$ne\":null}";
    /** Well formed, but no link has it. */
    private static final String UNKNOWN_TOKEN = "\"" + "A".repeat(43) + "\"";
    /** Values every string field of these routes refuses. */
    private static final Map<String, String> SPOILED = Map.ofEntries(
            Map.entry("operator object", OPERATOR),
            Map.entry("operator string", "\"$ne\""),
            Map.entry("number", "42"),
            Map.entry("array", "[\"a\"]"),
            Map.entry("null", "null"),
            Map.entry("blank", "\"   \""),
            Map.entry("huge", "\"" + HUGE + "\""),
            Map.entry("control characters", CONTROL));

    @Autowired
    MockMvc http;

    @TestFactory
    Stream<DynamicTest> linkConfirmationsRefuseWhatTheyCannotUse() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> email = Map.of("token", UNKNOWN_TOKEN);
        Map<String, String> reset = Map.of("token", UNKNOWN_TOKEN, "password", "\"a good long passphrase\"");
        for (var value : SPOILED.entrySet()) {
            tests.add(hostile("email confirmation: " + value.getKey() + " token",
                    json(post("/api/community/email-verifications/confirmation"),
                            HostileRequests.spoiled(email, "token", value.getValue()))));
            for (String field : reset.keySet()) {
                tests.add(hostile("reset confirmation: " + value.getKey() + " " + field,
                        json(post("/api/community/password-resets/confirmation"),
                                HostileRequests.spoiled(reset, field, value.getValue()))));
            }
        }
        tests.add(hostile("email confirmation: unknown token",
                json(post("/api/community/email-verifications/confirmation"), "{\"token\":" + UNKNOWN_TOKEN + "}")));
        tests.add(hostile("reset confirmation: unknown token",
                json(post("/api/community/password-resets/confirmation"),
                        HostileRequests.spoiled(reset, "token", UNKNOWN_TOKEN))));
        tests.add(hostile("reset confirmation: weak password", json(post("/api/community/password-resets/confirmation"),
                HostileRequests.spoiled(reset, "password", "\"password\""))));
        tests.addAll(malformedBodies("email confirmation", post("/api/community/email-verifications/confirmation")));
        tests.addAll(malformedBodies("reset confirmation", post("/api/community/password-resets/confirmation")));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> resetRequestsRefuseWhatTheyCannotUse() {
        List<DynamicTest> tests = new ArrayList<>();
        for (var value : SPOILED.entrySet()) {
            tests.add(hostile("reset request: " + value.getKey() + " email", json(post("/api/community/password-resets"),
                    "{\"email\":" + value.getValue() + "}")));
        }
        tests.add(hostile("reset request: not an address", json(post("/api/community/password-resets"),
                "{\"email\":\"not-an-address\"}")));
        tests.addAll(malformedBodies("reset request", post("/api/community/password-resets")));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theMembersOwnRoutesRefuseWhatTheyCannotUse() throws Exception {
        String token = new CommunityApi(http).register("Ana", "aarhus").token();
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, String> change = Map.of("currentPassword", "\"" + CommunityApi.PASSWORD + "\"", "newPassword",
                "\"a brand new passphrase\"");
        Map<String, String> emailChange = Map.of("newEmail", "\"new@example.org\"", "password",
                "\"" + CommunityApi.PASSWORD + "\"");
        for (var value : SPOILED.entrySet()) {
            // a password is an opaque secret: any character counts (as at registration), so control characters
            // would be a valid new password here, not hostile input
            for (String field : value.getKey().equals("control characters") ? List.<String>of() : change.keySet()) {
                tests.add(hostile("password change: " + value.getKey() + " " + field,
                        json(put("/api/community/members/me/password"),
                                HostileRequests.spoiled(change, field, value.getValue())).with(bearer(token))));
            }
            for (String field : emailChange.keySet()) {
                tests.add(hostile("email change: " + value.getKey() + " " + field,
                        json(post("/api/community/members/me/email-change"),
                                HostileRequests.spoiled(emailChange, field, value.getValue())).with(bearer(token))));
            }
        }
        tests.add(hostile("password change: weak new password", json(put("/api/community/members/me/password"),
                HostileRequests.spoiled(change, "newPassword", "\"12345678\"")).with(bearer(token))));
        tests.add(hostile("email change: not an address", json(post("/api/community/members/me/email-change"),
                HostileRequests.spoiled(emailChange, "newEmail", "\"a@b@c\"")).with(bearer(token))));
        tests.addAll(malformedBodies("password change", put("/api/community/members/me/password").with(bearer(token))));
        tests.addAll(malformedBodies("email change",
                post("/api/community/members/me/email-change").with(bearer(token))));
        tests.add(hostile("password change without a token", json(put("/api/community/members/me/password"),
                HostileRequests.spoiled(change, "newPassword", "\"a brand new passphrase\""))));
        tests.add(hostile("email change without a token", json(post("/api/community/members/me/email-change"),
                HostileRequests.spoiled(emailChange, "password", "\"x\""))));
        tests.add(hostile("resend without a token", post("/api/community/email-verifications")));
        tests.add(hostile("resend with a garbage token", post("/api/community/email-verifications")
                .with(bearer(HUGE))));
        return tests.stream();
    }

    private List<DynamicTest> malformedBodies(String route, MockHttpServletRequestBuilder request) {
        return List.of(
                hostile(route + ": JSON array body", json(request, "[]")),
                hostile(route + ": JSON null body", json(request, "null")),
                hostile(route + ": empty body", json(request, "")),
                hostile(route + ": truncated JSON", json(request, "{\"token\":")),
                hostile(route + ": deeply nested JSON", json(request, "{\"a\":" + "[".repeat(5000) + "]".repeat(5000)
                        + "}")),
                hostile(route + ": plain text", request.contentType(MediaType.TEXT_PLAIN).content("hi")));
    }

    private DynamicTest hostile(String name, org.springframework.test.web.servlet.RequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
