package org.netzerocities.community.event;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.community.identity.TokenIssuer;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.GlobalRole;
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

/** Whatever a client sends to the calendar's routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EventHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Caf\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String CITY = "trikala";

    @Autowired
    MockMvc http;
    @Autowired
    TokenIssuer tokens;

    @TestFactory
    Stream<DynamicTest> schedulingRefusesWhatItCannotUse() {
        String admin = token(EventFlowTest.role(GlobalRole.ADMIN));
        String valid = EventFlowTest.event(CITY, 5);
        return Stream.of(
                hostile("huge title", schedule(admin, valid.replace("\"Repair café\"", "\"" + HUGE + "\""))),
                hostile("control characters in title", schedule(admin, valid.replace("Repair café", CONTROL))),
                hostile("operator as title", schedule(admin, valid.replace("\"Repair café\"", OPERATOR))),
                hostile("operator as city", schedule(admin, valid.replace("\"" + CITY + "\"", OPERATOR))),
                hostile("unknown city", schedule(admin, valid.replace(CITY, "atlantis"))),
                hostile("unknown format", schedule(admin, valid.replace("IN_PERSON", "TELEPATHIC"))),
                hostile("in person without address", schedule(admin, valid.replace("\"Prešernov trg 1\"", "null"))),
                hostile("online without link", schedule(admin, valid.replace("IN_PERSON", "ONLINE"))),
                hostile("javascript link", schedule(admin, valid.replace("IN_PERSON", "HYBRID")
                        .replace("\"address\"", "\"onlineUrl\":\"javascript:alert(1)\",\"address\""))),
                hostile("bad start", schedule(admin, valid.replaceFirst("\"startsAt\":\"[^\"]+\"",
                        "\"startsAt\":\"2027-13-45T25:00\""))),
                hostile("start in the past", schedule(admin, valid.replaceFirst("\"startsAt\":\"[^\"]+\"",
                        "\"startsAt\":\"2020-01-01T10:00\""))),
                hostile("end before start", schedule(admin, valid.replaceFirst("\"endsAt\":\"[^\"]+\"",
                        "\"endsAt\":\"2020-01-01T10:00\""))),
                hostile("start as number", schedule(admin, valid.replaceFirst("\"startsAt\":\"[^\"]+\"",
                        "\"startsAt\":12345"))),
                hostile("offset as time zone", schedule(admin, valid.replace("Europe/Ljubljana", "+02:00"))),
                hostile("unknown time zone", schedule(admin, valid.replace("Europe/Ljubljana", "Mars/Olympus"))),
                hostile("zero capacity", schedule(admin, valid.replace("\"capacity\":5", "\"capacity\":0"))),
                hostile("huge capacity", schedule(admin, valid.replace("\"capacity\":5", "\"capacity\":99999999999"))),
                hostile("capacity as string", schedule(admin, valid.replace("\"capacity\":5", "\"capacity\":\"five\""))),
                hostile("null in topics", schedule(admin, valid.replace("[\"repair\",", "[null,"))),
                hostile("operator in topics", schedule(admin, valid.replace("[\"repair\",", "[" + OPERATOR + ","))),
                hostile("bad language", schedule(admin, valid.replace("\"sl\"", "\"Slovenian!\""))),
                hostile("bad group id", schedule(admin, valid.replace("\"capacity\"", "\"groupId\":\"a b$\",\"capacity\""))),
                hostile("JSON array body", schedule(admin, "[]")),
                hostile("empty body", schedule(admin, "")),
                hostile("a member of the city", schedule(token(EventFlowTest.member()), valid)),
                hostile("no token", post("/api/community/events").contentType(MediaType.APPLICATION_JSON)
                        .content(valid)));
    }

    @TestFactory
    Stream<DynamicTest> listingAndReadingRefuseWhatTheyCannotUse() {
        String member = token(EventFlowTest.member());
        return Stream.of(
                hostile("bad from", list(member).param("from", "yesterday")),
                hostile("bad to", list(member).param("to", "2027-02-30")),
                hostile("to before from", list(member).param("from", "2027-02-01").param("to", "2027-01-01")),
                hostile("huge from", list(member).param("from", HUGE)),
                hostile("operator as city", list(member).param("city", OPERATOR)),
                hostile("operator as topic", list(member).param("topic[$ne]", "x").param("topic", OPERATOR)),
                hostile("control characters as language", list(member).param("language", "e\u0000n")),
                hostile("size too big", list(member).param("size", "1000")),
                hostile("page not a number", list(member).param("page", "abc")),
                hostile("unknown event", get("/api/community/events/{id}", "no-such-event")
                        .header("Authorization", "Bearer " + member)),
                hostile("operator as event id", get("/api/community/events/{id}", OPERATOR)
                        .header("Authorization", "Bearer " + member)),
                hostile("city feed of an unknown city", get("/api/community/events/calendar.ics").param("city", "atlantis")),
                hostile("city feed without city", get("/api/community/events/calendar.ics")),
                hostile("city feed with operator", get("/api/community/events/calendar.ics").param("city", OPERATOR)),
                hostile("listing without token", get("/api/community/events")),
                hostile("own feed without token", get("/api/community/members/me/calendar-feed")),
                hostile("rotation without token", post("/api/community/members/me/calendar-feed/rotation")));
    }

    @TestFactory
    Stream<DynamicTest> changingAndRegisteringRefuseWhatTheyCannotUse() throws Exception {
        Caller organiser = EventFlowTest.frontrunner(CITY);
        String owner = token(organiser);
        String id = JsonPath.read(http.perform(post("/api/community/events").header("Authorization", "Bearer " + owner)
                .contentType(MediaType.APPLICATION_JSON).content(EventFlowTest.event(CITY, 1)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String member = token(EventFlowTest.member());
        return Stream.of(
                hostile("huge title", change(owner, id, "{\"title\":\"" + HUGE + "\"}")),
                hostile("empty title", change(owner, id, "{\"title\":\"\"}")),
                hostile("operator as capacity", change(owner, id, "{\"capacity\":" + OPERATOR + "}")),
                hostile("negative capacity", change(owner, id, "{\"capacity\":-1}")),
                hostile("bad start", change(owner, id, "{\"startsAt\":\"soon\"}")),
                hostile("start in the past", change(owner, id, "{\"startsAt\":\"2020-01-01T10:00\"}")),
                hostile("bad zone", change(owner, id, "{\"timeZone\":\"Nowhere/Land\"}")),
                hostile("online without link", change(owner, id, "{\"format\":\"ONLINE\"}")),
                hostile("another member's change", change(member, id, "{\"title\":\"Mine now\"}")),
                hostile("unknown event change", change(owner, "no-such-event", "{\"title\":\"x\"}")),
                hostile("cancellation without reason", post("/api/community/events/{id}/cancellation", id)
                        .header("Authorization", "Bearer " + owner).contentType(MediaType.APPLICATION_JSON).content("{}")),
                hostile("cancellation with huge reason", post("/api/community/events/{id}/cancellation", id)
                        .header("Authorization", "Bearer " + owner).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"" + HUGE + "\"}")),
                hostile("another member's cancellation", post("/api/community/events/{id}/cancellation", id)
                        .header("Authorization", "Bearer " + member).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"no\"}")),
                hostile("registering for an unknown event", post("/api/community/events/{id}/registrations",
                        "no-such-event").header("Authorization", "Bearer " + member)),
                hostile("registering for an operator id", post("/api/community/events/{id}/registrations",
                        OPERATOR).header("Authorization", "Bearer " + member)),
                hostile("own registration when not registered", get("/api/community/events/{id}/registrations/me",
                        id).header("Authorization", "Bearer " + member)),
                hostile("withdrawing when not registered", delete("/api/community/events/{id}/registrations/me",
                        id).header("Authorization", "Bearer " + member)),
                hostile("registrants for a member", get("/api/community/events/{id}/registrations", id)
                        .header("Authorization", "Bearer " + member)),
                hostile("registrants, negative page", get("/api/community/events/{id}/registrations", id)
                        .header("Authorization", "Bearer " + owner).param("page", "-1")),
                hostile("registering without token", post("/api/community/events/{id}/registrations", id)));
    }

    /**
     * The private feed is public (calendar apps send no bearer token), so its token is all that guards a member's
     * registrations: anything but a member's current token is an unknown feed, never an error of the service.
     */
    @TestFactory
    Stream<DynamicTest> thePrivateFeedAnswersAnythingButACurrentTokenWithNotFound() throws Exception {
        String owner = token(EventFlowTest.member());
        String revoked = feedToken(http.perform(get("/api/community/members/me/calendar-feed")
                .header("Authorization", "Bearer " + owner)));
        String current = feedToken(http.perform(post("/api/community/members/me/calendar-feed/rotation")
                .header("Authorization", "Bearer " + owner)));
        String stranger = token(EventFlowTest.member());
        http.perform(feed(current)).andExpect(status().isOk());
        return Stream.of(
                notFound("another member's rotated token", feed(revoked)),
                notFound("another member's rotated token with a bearer token", feed(revoked)
                        .header("Authorization", "Bearer " + stranger)),
                notFound("current token with one character changed", feed(current.substring(0, 42)
                        + (current.endsWith("A") ? "B" : "A"))),
                notFound("current token in lower case", feed(current.toLowerCase())),
                notFound("current token with padding", feed(current + "=")),
                notFound("current token one character short", feed(current.substring(1))),
                notFound("well-formed unknown token", feed("A".repeat(43))),
                notFound("garbage", feed("not-a-token")),
                notFound("operator", feed(OPERATOR)),
                notFound("regular expression", feed(".*")),
                notFound("huge token", feed("A".repeat(100_000))),
                notFound("huge multibyte token", feed("é".repeat(20_000))),
                // the firewall refuses an encoded NUL or line break in any URL before the route sees it
                hostile("NUL and escape sequence", feed("\u0000" + "A".repeat(40) + "\u001b[")),
                notFound("control characters only", feed("\u0001\u0002\u0007\u007f".repeat(11))),
                hostile("header injection", feed("A".repeat(20) + "\r\nSet-Cookie: x=y")),
                notFound("query operator", feed("A".repeat(43)).param("token[$ne]", "")),
                notFound("empty token", get("/api/community/calendar-feeds/.ics")),
                notFound("token without extension", get("/api/community/calendar-feeds/{token}", current)),
                hostile("encoded path traversal", get(URI.create(
                        "/api/community/calendar-feeds/..%2F..%2Fevents%2Fcalendar.ics"))));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    private DynamicTest notFound(String name, MockHttpServletRequestBuilder request) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    private static MockHttpServletRequestBuilder feed(String token) {
        return get("/api/community/calendar-feeds/{token}.ics", token);
    }

    private static String feedToken(ResultActions answer) throws Exception {
        String url = JsonPath.read(answer.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
                "$.url");
        return url.substring(url.lastIndexOf('/') + 1, url.length() - ".ics".length());
    }

    private static MockHttpServletRequestBuilder schedule(String token, String body) {
        return post("/api/community/events").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder change(String token, String id, String body) {
        return patch("/api/community/events/{id}", id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder list(String token) {
        return get("/api/community/events").header("Authorization", "Bearer " + token);
    }

    private String token(Caller caller) {
        return tokens.issue(caller, "Tester", null).accessToken();
    }
}
