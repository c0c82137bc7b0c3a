package org.netzerocities.learning.cohort;

import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.testsupport.MemberTokens;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Whatever a client sends to the cohort and enrolment routes, the answer is a 4xx problem, never a 5xx. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CohortHostileInputTest extends CohortApi {

    private static final String HUGE = "\"" + "x".repeat(200_000) + "\"";
    private static final String CONTROL = "\"Caf\\u0000\\u0007\\u001b[31m\"";
    private static final String OPERATOR = "{\"$gt\":\"\"}";

    /** Every field of a valid new cohort, as raw JSON. */
    private Map<String, String> validCohort(String moduleFacilitator) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "\"Spring cycle\"");
        fields.put("language", "\"en\"");
        fields.put("startsOn", "\"" + today().plusDays(10) + "\"");
        fields.put("endsOn", "\"" + today().plusDays(60) + "\"");
        fields.put("capacity", "20");
        fields.put("moduleFacilitatorIds", "{\"systems-thinking\":\"" + moduleFacilitator + "\"}");
        fields.put("discussionLink", "\"" + LINK + "\"");
        return fields;
    }

    private static String session(String startsAt) {
        return "{\"moduleId\":\"cities-mission\",\"startsAt\":\"" + startsAt + "\",\"durationMinutes\":60,"
                + "\"link\":\"" + LINK + "\"}";
    }

    private static String sessions(String first) {
        String ok = session(today().plusDays(20) + "T15:00:00Z");
        return "[" + first + "," + ok + "," + ok + "," + ok + "]";
    }

    @TestFactory
    Stream<DynamicTest> creatingACohortRefusesWhatItCannotUse() {
        String lead = learner();
        Map<String, String> valid = validCohort(learner());
        String ok = session(today().plusDays(20) + "T15:00:00Z");
        return Stream.of(
                hostile("huge name", creating(lead, spoiled(valid, "name", HUGE))),
                hostile("control characters in name", creating(lead, spoiled(valid, "name", CONTROL))),
                hostile("operator as name", creating(lead, spoiled(valid, "name", OPERATOR))),
                hostile("blank name", creating(lead, spoiled(valid, "name", "\" \""))),
                hostile("null name", creating(lead, spoiled(valid, "name", "null"))),
                hostile("unknown language", creating(lead, spoiled(valid, "language", "\"zz\""))),
                hostile("language in capitals", creating(lead, spoiled(valid, "language", "\"EN\""))),
                hostile("language as array", creating(lead, spoiled(valid, "language", "[\"en\"]"))),
                hostile("bad date", creating(lead, spoiled(valid, "startsOn", "\"2027-02-30\""))),
                hostile("date as number", creating(lead, spoiled(valid, "startsOn", "20270101"))),
                hostile("start in the past", creating(lead, spoiled(valid, "startsOn", "\"2020-01-01\""))),
                hostile("end before start", creating(lead, spoiled(valid, "endsOn", "\"" + today() + "\""))),
                hostile("huge end", creating(lead, spoiled(valid, "endsOn", HUGE))),
                hostile("zero capacity", creating(lead, spoiled(valid, "capacity", "0"))),
                hostile("huge capacity", creating(lead, spoiled(valid, "capacity", "99999999999"))),
                hostile("capacity as string", creating(lead, spoiled(valid, "capacity", "\"ten\""))),
                hostile("operator as capacity", creating(lead, spoiled(valid, "capacity", OPERATOR))),
                hostile("unknown lead", creating(lead, spoiled(valid, "leadFacilitatorId", "\"nobody-known\""))),
                hostile("operator as lead", creating(lead, spoiled(valid, "leadFacilitatorId", OPERATOR))),
                hostile("operator string as lead", creating(lead, spoiled(valid, "leadFacilitatorId",
                        "\"{\\\"$gt\\\":\\\"\\\"}\""))),
                hostile("huge lead", creating(lead, spoiled(valid, "leadFacilitatorId", HUGE))),
                hostile("unknown module facilitator", creating(lead, spoiled(valid, "moduleFacilitatorIds",
                        "{\"systems-thinking\":\"nobody-known\"}"))),
                hostile("null module facilitator", creating(lead, spoiled(valid, "moduleFacilitatorIds",
                        "{\"systems-thinking\":null}"))),
                hostile("unknown module", creating(lead, spoiled(valid, "moduleFacilitatorIds",
                        "{\"alchemy\":\"" + lead + "\"}"))),
                hostile("operator as module", creating(lead, spoiled(valid, "moduleFacilitatorIds",
                        "{\"$gt\":\"" + lead + "\"}"))),
                hostile("dotted module", creating(lead, spoiled(valid, "moduleFacilitatorIds",
                        "{\"a.b\":\"" + lead + "\"}"))),
                hostile("module facilitators as array", creating(lead, spoiled(valid, "moduleFacilitatorIds",
                        "[\"" + lead + "\"]"))),
                hostile("javascript link", creating(lead, spoiled(valid, "discussionLink", "\"javascript:alert(1)\""))),
                hostile("plain http link", creating(lead, spoiled(valid, "discussionLink", "\"http://meet.example\""))),
                hostile("link with control characters", creating(lead, spoiled(valid, "discussionLink",
                        "\"https://meet.example/\\u0000\""))),
                hostile("no sessions and no link", creating(lead, spoiled(valid, "discussionLink", "null"))),
                hostile("three sessions", creating(lead, spoiled(valid, "sessions", "[" + ok + "," + ok + "," + ok
                        + "]"))),
                hostile("null among sessions", creating(lead, spoiled(valid, "sessions", sessions("null")))),
                hostile("operator among sessions", creating(lead, spoiled(valid, "sessions", sessions(OPERATOR)))),
                hostile("session before the cohort", creating(lead, spoiled(valid, "sessions",
                        sessions(session(today() + "T15:00:00Z"))))),
                hostile("session with a bad time", creating(lead, spoiled(valid, "sessions",
                        sessions(session("tomorrow"))))),
                hostile("session of an unknown module", creating(lead, spoiled(valid, "sessions",
                        sessions(ok.replace("cities-mission", "alchemy"))))),
                hostile("session without link", creating(lead, spoiled(valid, "sessions",
                        sessions(ok.replace("\"" + LINK + "\"", "null"))))),
                hostile("session of a day", creating(lead, spoiled(valid, "sessions",
                        sessions(ok.replace("60", "1440"))))),
                hostile("JSON array body", creating(lead, "[]")),
                hostile("empty body", creating(lead, "")),
                hostile("a member without the facilitator role", post("/api/learning/cohorts")
                        .with(as(lead, "MEMBER")).contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "name", "\"x\""))),
                hostile("no token", post("/api/learning/cohorts").contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "name", "\"x\""))));
    }

    @TestFactory
    Stream<DynamicTest> readingCohortsRefusesWhatItCannotUse() throws Exception {
        String member = learner();
        String othersDraft = draft(learner(), 5);
        return Stream.of(
                hostile("unknown status", list(member).param("status", "SECRET")),
                hostile("operator as status", list(member).param("status[$ne]", "x").param("status", OPERATOR)),
                hostile("size too big", list(member).param("size", "1000")),
                hostile("negative page", list(member).param("page", "-1")),
                hostile("page not a number", list(member).param("page", "abc")),
                hostile("huge page", list(member).param("page", "999999999999")),
                hostile("unknown cohort", get("/api/learning/cohorts/{id}", "no-such-cohort").with(as(member))),
                hostile("operator as cohort id", get("/api/learning/cohorts/{id}", OPERATOR).with(as(member))),
                hostile("another facilitator's draft", get("/api/learning/cohorts/{id}", othersDraft)
                        .with(facilitator(member))),
                hostile("no token", get("/api/learning/cohorts")));
    }

    @TestFactory
    Stream<DynamicTest> changingAndPublishingRefuseWhatTheyCannotUse() throws Exception {
        String lead = learner();
        String cohortId = draft(lead, 1);
        String published = draft(lead, 2);
        http.perform(post("/api/learning/cohorts/{id}/publication", published).with(facilitator(lead)));
        enrolled(learner(), published);
        enrolled(learner(), published);
        String stranger = learner();
        return Stream.of(
                hostile("huge name", changing(lead, cohortId, "{\"name\":" + HUGE + "}")),
                hostile("empty name", changing(lead, cohortId, "{\"name\":\"\"}")),
                hostile("blank name", changing(lead, cohortId, "{\"name\":\"   \"}")),
                hostile("control characters in name", changing(lead, cohortId, "{\"name\":" + CONTROL + "}")),
                hostile("operator as capacity", changing(lead, cohortId, "{\"capacity\":" + OPERATOR + "}")),
                hostile("negative capacity", changing(lead, cohortId, "{\"capacity\":-1}")),
                hostile("capacity below the places taken", changing(lead, published, "{\"capacity\":1}")),
                hostile("start in the past", changing(lead, cohortId, "{\"startsOn\":\"2020-01-01\"}")),
                hostile("end before start", changing(lead, cohortId, "{\"endsOn\":\"" + today() + "\"}")),
                hostile("unknown lead", changing(lead, cohortId, "{\"leadFacilitatorId\":\"nobody-known\"}")),
                hostile("null module facilitator", changing(lead, cohortId,
                        "{\"moduleFacilitatorIds\":{\"cities-mission\":null}}")),
                hostile("operator as module", changing(lead, cohortId,
                        "{\"moduleFacilitatorIds\":{\"$where\":\"" + lead + "\"}}")),
                hostile("five sessions", changing(lead, cohortId, "{\"sessions\":" + sessions(session(today()
                        .plusDays(20) + "T15:00:00Z")).replace("]", "," + session(today().plusDays(20)
                        + "T15:00:00Z") + "]") + "}")),
                hostile("null among sessions", changing(lead, cohortId, "{\"sessions\":" + sessions("null") + "}")),
                hostile("sessions as string", changing(lead, cohortId, "{\"sessions\":\"soon\"}")),
                hostile("JSON array body", changing(lead, cohortId, "[]")),
                hostile("another member's change", changing(stranger, cohortId, "{\"name\":\"Mine now\"}")),
                hostile("another member's change of a published cohort", changing(stranger, published,
                        "{\"name\":\"Mine now\"}")),
                hostile("unknown cohort change", changing(lead, "no-such-cohort", "{\"name\":\"x\"}")),
                hostile("operator id change", changing(lead, OPERATOR, "{\"name\":\"x\"}")),
                hostile("publishing twice", publishing(lead, published)),
                hostile("another member publishing", publishing(stranger, cohortId)),
                hostile("publishing an unknown cohort", publishing(lead, "no-such-cohort")),
                hostile("publishing an operator id", publishing(lead, OPERATOR)),
                hostile("publishing without token", post("/api/learning/cohorts/{id}/publication", cohortId)));
    }

    @TestFactory
    Stream<DynamicTest> enrollingAndWithdrawingRefuseWhatTheyCannotUse() throws Exception {
        String cohortId = published(1);
        String learner = learner();
        String enrolment = enrolled(learner, cohortId);
        String draftLead = learner();
        String draft = draft(draftLead, 5);
        String stranger = learner();
        Stream<DynamicTest> subjects = MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> hostile(
                "enrolling as " + MemberTokens.testName(subject), enrolling(subject, cohortId)));
        return Stream.concat(subjects, Stream.of(
                hostile("enrolling in an unknown cohort", enrolling(stranger, "no-such-cohort")),
                hostile("enrolling in an operator id", enrolling(stranger, OPERATOR)),
                hostile("enrolling in a regular expression", enrolling(stranger, ".*")),
                hostile("enrolling in a draft", enrolling(stranger, draft)),
                hostile("its facilitator enrolling in a draft", enrolling(draftLead, draft)),
                hostile("enrolling unknown to the programme", enrolling("never-joined", cohortId)),
                hostile("enrolling without token", post("/api/learning/cohorts/{id}/enrollments", cohortId)),
                hostile("withdrawing another member's enrolment", withdrawing(stranger, enrolment)),
                hostile("withdrawing an unknown enrolment", withdrawing(learner, "no-such-enrolment")),
                hostile("withdrawing an operator id", withdrawing(learner, OPERATOR)),
                hostile("withdrawing a huge id", withdrawing(learner, "x".repeat(100_000))),
                hostile("withdrawing a cohort id", withdrawing(learner, cohortId)),
                hostile("withdrawing without token", delete("/api/learning/enrollments/{id}", enrolment))));
    }

    private MockHttpServletRequestBuilder creating(String facilitatorId, String body) {
        return post("/api/learning/cohorts").with(facilitator(facilitatorId)).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private MockHttpServletRequestBuilder changing(String memberId, String cohortId, String body) {
        return patch("/api/learning/cohorts/{id}", cohortId).with(as(memberId, "MEMBER"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder publishing(String memberId, String cohortId) {
        return post("/api/learning/cohorts/{id}/publication", cohortId).with(facilitator(memberId));
    }

    private static MockHttpServletRequestBuilder enrolling(String memberId, String cohortId) {
        return post("/api/learning/cohorts/{id}/enrollments", cohortId).with(as(memberId));
    }

    private static MockHttpServletRequestBuilder withdrawing(String memberId, String enrollmentId) {
        return delete("/api/learning/enrollments/{id}", enrollmentId).with(as(memberId));
    }

    private static MockHttpServletRequestBuilder list(String memberId) {
        return get("/api/learning/cohorts").with(as(memberId));
    }

    private static RequestPostProcessor as(String memberId) {
        return as(memberId, "MEMBER");
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
