package org.netzerocities.learning.certificate;

import static org.netzerocities.learning.certificate.CertificateRevocationTest.admin;
import static org.netzerocities.testsupport.HostileRequests.refused;
import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.learning.ProgramCompleted;
import org.netzerocities.testsupport.MemberTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** Whatever a client sends to the certificate routes, the answer is a 4xx problem, never a 5xx, and nothing changes. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CertificateHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String BASE = "/api/learning/certificates/";
    /** Codes that name no certificate, each written into the URL as a client could send it. */
    private static final Map<String, String> NO_CODES = Map.ofEntries(
            Map.entry("unknown code", "7KQ2-M9XD-3HTA-0BZC-W511"),
            Map.entry("one symbol short", "7KQ2-M9XD-3HTA-0BZC-W51"),
            Map.entry("a U", "7KQ2-M9XD-3HTA-0BZC-W5U1"),
            Map.entry("huge code", HUGE),
            Map.entry("huge run of hyphens", "-".repeat(200_000)),
            Map.entry("control characters", "7KQ2%00M9XD%07%1B%5B31m"),
            Map.entry("encoded line break", "7KQ2-M9XD%0D%0A3HTA-0BZC-W511"),
            Map.entry("operator", "%7B%22%24gt%22%3A%22%22%7D"),
            Map.entry("operator in brackets", "a%5B%24ne%5D%3D"),
            Map.entry("regular expression", ".*"),
            Map.entry("encoded slash", "..%2F..%2Factuator"),
            Map.entry("percent sign", "%25"),
            Map.entry("fullwidth digit", "%EF%BC%97KQ2-M9XD-3HTA-0BZC-W511"));

    /**
     * Forwarded headers a client may slip through the gateway, which make no address to print on a certificate
     * (spaces and control characters in a host come out percent-encoded, harmless).
     */
    private static final Map<String, List<String>> FORWARDED = Map.of(
            "huge host", List.of("X-Forwarded-Host", "a".repeat(600)),
            "script scheme", List.of("X-Forwarded-Proto", "javascript"),
            "prefix climbing up", List.of("X-Forwarded-Prefix", "/x/../y"));

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventHandler<ProgramCompleted> certificateOnProgramCompleted;

    @TestFactory
    Stream<DynamicTest> verificationRefusesWhatNamesNoCertificate() {
        return NO_CODES.entrySet().stream().flatMap(code -> Stream.of(
                refused(http, "verify, " + code.getKey(), get(URI.create(BASE + code.getValue()))),
                refused(http, "pdf, " + code.getKey(), get(URI.create(BASE + code.getValue() + "/pdf"))
                        .accept(MediaType.APPLICATION_PDF)),
                refused(http, "revoke, " + code.getKey(), post(URI.create(BASE + code.getValue() + "/revocation"))
                        .with(admin()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"fraud\"}"))));
    }

    @TestFactory
    Stream<DynamicTest> noRouteAcceptsAnAddressThatCannotBePrinted() {
        Certificate certificate = IssuedCertificates.issue(certificateOnProgramCompleted, mongo);
        String code = certificate.verificationCode();
        Stream<DynamicTest> hostile = FORWARDED.entrySet().stream().flatMap(header -> Stream.of(
                refused(http, "verify, " + header.getKey(), get(BASE + code)
                        .header(header.getValue().get(0), header.getValue().get(1))),
                refused(http, "pdf, " + header.getKey(), get(BASE + code + "/pdf")
                        .header(header.getValue().get(0), header.getValue().get(1))),
                refused(http, "revoke, " + header.getKey(), revoke(code, "{\"reason\":\"fraud\"}").with(admin())
                        .header(header.getValue().get(0), header.getValue().get(1)))));
        DynamicTest unchanged = DynamicTest.dynamicTest("the certificate is still valid",
                () -> http.perform(get(BASE + code)).andExpect(jsonPath("$.status").value("VALID")));
        return Stream.concat(hostile, Stream.of(unchanged));
    }

    /** Beyond the request's own path ({@code instance}), nothing tells a code that almost exists from nonsense. */
    @Test
    void anUnknownCodeAndOneThatCannotBeACodeAreAnsweredAlike() throws Exception {
        String unknown = http.perform(get(BASE + "7KQ2-M9XD-3HTA-0BZC-W511")).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        var malformed = http.perform(get(BASE + "7KQ2-M9XD-3HTA-0BZC-W5U1")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.length()").value(JsonPath.<Integer>read(unknown, "$.length()")));
        for (String field : List.of("type", "title", "status", "detail")) {
            malformed.andExpect(jsonPath("$." + field).value(JsonPath.<Object>read(unknown, "$." + field)));
        }
    }

    @TestFactory
    Stream<DynamicTest> revocationRefusesWhatItCannotUse() {
        Certificate certificate = IssuedCertificates.issue(certificateOnProgramCompleted, mongo);
        String code = certificate.verificationCode();
        Map<String, String> valid = Map.of("reason", "\"Issued in error\"");
        Stream<DynamicTest> hostile = Stream.of(
                refused(http, "no token", revoke(code, "{\"reason\":\"fraud\"}")),
                refused(http, "a member's token", revoke(code, "{\"reason\":\"fraud\"}")
                        .with(MemberTokens.asMember(certificate.memberId()))),
                refused(http, "a token naming no member", revoke(code, "{\"reason\":\"fraud\"}")
                        .with(MemberTokens.namingNoMember())),
                refused(http, "null reason", revoke(code, spoiled(valid, "reason", "null")).with(admin())),
                refused(http, "no reason", revoke(code, "{}").with(admin())),
                refused(http, "blank reason", revoke(code, spoiled(valid, "reason", "\"  \"")).with(admin())),
                refused(http, "reason too long", revoke(code, spoiled(valid, "reason", "\"" + "x".repeat(501) + "\""))
                        .with(admin())),
                refused(http, "huge reason", revoke(code, spoiled(valid, "reason", "\"" + HUGE + "\"")).with(admin())),
                refused(http, "control characters in reason",
                        revoke(code, spoiled(valid, "reason", "\"fraud\\u0000\\u001b[31m\"")).with(admin())),
                refused(http, "line break in reason", revoke(code, spoiled(valid, "reason", "\"a\\nb\"")).with(admin())),
                refused(http, "operator as reason", revoke(code, spoiled(valid, "reason", "{\"$gt\":\"\"}"))
                        .with(admin())),
                refused(http, "array as reason", revoke(code, spoiled(valid, "reason", "[\"fraud\", null]"))
                        .with(admin())),
                refused(http, "JSON array body", revoke(code, "[]").with(admin())),
                refused(http, "JSON null body", revoke(code, "null").with(admin())),
                refused(http, "empty body", revoke(code, "").with(admin())),
                refused(http, "not JSON", revoke(code, "reason=fraud").with(admin())),
                refused(http, "form content", post(BASE + code + "/revocation").with(admin())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("reason=fraud")));
        Stream<DynamicTest> hostileSubjects = MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> refused(http,
                "non-admin subject " + MemberTokens.testName(subject), revoke(code, "{\"reason\":\"fraud\"}")
                        .with(MemberTokens.asMember(subject))));
        DynamicTest unchanged = DynamicTest.dynamicTest("the certificate is still valid",
                () -> http.perform(get(BASE + code)).andExpect(jsonPath("$.status").value("VALID")));
        return Stream.of(hostile, hostileSubjects, Stream.of(unchanged)).flatMap(tests -> tests);
    }

    private static MockHttpServletRequestBuilder revoke(String code, String body) {
        return post(BASE + code + "/revocation").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
