package org.netzerocities.learning.progress;

import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
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

/** Whatever a client sends to the progress, homework, Q&A and dashboard routes, the answer is a 4xx problem. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgressHostileInputTest extends ProgressApi {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "Ana\\u0000\\u0007\\u001b[31m";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    /** Ids a path may carry that must match nothing. */
    private static final List<String> HOSTILE_IDS = List.of(OPERATOR, "a[$ne]=", ".*", HUGE, "r\u0001", "unknown");

    @TestFactory
    Stream<DynamicTest> markingAMasterclassWatchedRefusesWhatItCannotUse() throws Exception {
        Fixture f = fixture();
        String unit = module(1).units().get(0).unitId();
        String route = "/api/learning/enrollments/{id}/units/{unitId}/completion";
        List<DynamicTest> tests = new ArrayList<>();
        HOSTILE_IDS.forEach(id -> {
            tests.add(refused("enrolment id " + label(id), post(route, id, unit).with(as(f.member))));
            tests.add(refused("unit id " + label(id), post(route, f.enrollment, id).with(as(f.member))));
        });
        tests.add(refused("another learner's enrolment", post(route, f.enrollment, unit).with(as(f.other))));
        tests.add(refused("the facilitator on the learner's enrolment",
                post(route, f.enrollment, unit).with(as(f.lead))));
        tests.add(refused("a withdrawn enrolment", post(route, f.withdrawn, unit).with(as(f.leaver))));
        tests.add(refused("no token", post(route, f.enrollment, unit)));
        tests.add(refused("a token naming no member",
                post(route, f.enrollment, unit).with(MemberTokens.namingNoMember())));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> handingInHomeworkRefusesWhatItCannotUse() throws Exception {
        Fixture f = fixture();
        String unit = module(1).units().get(1).unitId();
        Map<String, String> valid = Map.of("text", "\"" + TEXT + "\"", "link", "\"https://example.org/work\"");
        List<DynamicTest> tests = new ArrayList<>(Stream.of(
                new Body("huge text", spoiled(valid, "text", "\"" + HUGE + "\"")),
                new Body("text of 10001 characters", spoiled(valid, "text", "\"" + "x".repeat(10_001) + "\"")),
                new Body("control characters in text", spoiled(valid, "text", "\"" + CONTROL + "\"")),
                new Body("operator object as text", spoiled(valid, "text", OPERATOR)),
                new Body("array as text", spoiled(valid, "text", "[\"a\",null]")),
                new Body("http link", spoiled(valid, "link", "\"http://example.org/work\"")),
                new Body("javascript link", spoiled(valid, "link", "\"javascript:alert(1)\"")),
                new Body("data link", spoiled(valid, "link", "\"data:text/html,<b>hi</b>\"")),
                new Body("relative link", spoiled(valid, "link", "\"/work\"")),
                new Body("link with spaces", spoiled(valid, "link", "\"https://example.org/a b\"")),
                new Body("link with credentials", spoiled(valid, "link", "\"https://u:p@example.org/\"")),
                new Body("huge link", spoiled(valid, "link", "\"https://example.org/" + HUGE + "\"")),
                new Body("control characters in link", spoiled(valid, "link", "\"https://example.org/" + CONTROL
                        + "\"")),
                new Body("operator object as link", spoiled(valid, "link", OPERATOR)),
                new Body("neither text nor link", "{}"),
                new Body("null text and link", "{\"text\":null,\"link\":null}"),
                new Body("blank text only", "{\"text\":\"  \\n \"}"),
                new Body("JSON array body", "[]"),
                new Body("JSON null body", "null"),
                new Body("empty body", ""),
                new Body("truncated JSON", "{\"text\":\"a"),
                new Body("deeply nested JSON", "{\"text\":" + "[".repeat(5000) + "]".repeat(5000) + "}"))
                .map(body -> refused(body.name(), homework(f.member, f.enrollment, unit, body.json()))).toList());
        String ok = "{\"text\":\"" + TEXT + "\"}";
        HOSTILE_IDS.forEach(id -> {
            tests.add(refused("enrolment id " + label(id), homework(f.member, id, unit, ok)));
            tests.add(refused("unit id " + label(id), homework(f.member, f.enrollment, id, ok)));
        });
        tests.add(refused("another learner's enrolment", homework(f.other, f.enrollment, unit, ok)));
        tests.add(refused("a withdrawn enrolment", homework(f.leaver, f.withdrawn, unit, ok)));
        tests.add(refused("plain text", post("/api/learning/enrollments/{id}/units/{unitId}/homework",
                f.enrollment, unit).with(as(f.member)).contentType(MediaType.TEXT_PLAIN).content(TEXT)));
        tests.add(refused("awaiting review already", homework(f.member, f.enrollment,
                module(1).units().get(2).unitId(), ok)));
        tests.add(accepted("then a valid submission", homework(f.member, f.enrollment, unit, ok), 201));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> reviewingRefusesWhatItCannotUse() throws Exception {
        Fixture f = fixture();
        String submission = f.submission;
        Map<String, String> valid = Map.of("decision", "\"RETURNED\"", "feedback", "\"Name one action\"");
        List<DynamicTest> tests = new ArrayList<>(Stream.of(
                new Body("unknown decision", spoiled(valid, "decision", "\"MAYBE\"")),
                new Body("SUBMITTED as decision", spoiled(valid, "decision", "\"SUBMITTED\"")),
                new Body("lower-case decision", spoiled(valid, "decision", "\"accepted\"")),
                new Body("null decision", spoiled(valid, "decision", "null")),
                new Body("no decision", "{\"feedback\":\"fine\"}"),
                new Body("operator object as decision", spoiled(valid, "decision", OPERATOR)),
                new Body("array as decision", spoiled(valid, "decision", "[\"ACCEPTED\",null]")),
                new Body("huge decision", spoiled(valid, "decision", "\"" + HUGE + "\"")),
                new Body("returned without feedback", "{\"decision\":\"RETURNED\"}"),
                new Body("returned with blank feedback", spoiled(valid, "feedback", "\"   \"")),
                new Body("huge feedback", spoiled(valid, "feedback", "\"" + HUGE + "\"")),
                new Body("control characters in feedback", spoiled(valid, "feedback", "\"" + CONTROL + "\"")),
                new Body("operator object as feedback", spoiled(valid, "feedback", OPERATOR)),
                new Body("empty body", ""),
                new Body("JSON array body", "[]"))
                .map(body -> refused(body.name(), reviewing(as(f.lead), submission, body.json()))).toList());
        String accept = "{\"decision\":\"ACCEPTED\"}";
        HOSTILE_IDS.forEach(id -> tests.add(refused("submission id " + label(id), reviewing(as(f.lead), id, accept))));
        tests.add(refused("the learner reviewing their own", reviewing(as(f.member), submission, accept)));
        tests.add(refused("another learner", reviewing(as(f.other), submission, accept)));
        tests.add(refused("another cohort's facilitator", reviewing(as(f.otherLead), submission, accept)));
        tests.add(refused("an admin", reviewing(as(f.other, "MEMBER", "ADMIN"), submission, accept)));
        tests.add(refused("no token", post("/api/learning/homework/{id}/review", submission)
                .contentType(MediaType.APPLICATION_JSON).content(accept)));
        tests.add(accepted("then a valid review", reviewing(as(f.lead), submission, accept), 200));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> facilitatorListsRefuseWhatTheyCannotUse() throws Exception {
        Fixture f = fixture();
        List<DynamicTest> tests = new ArrayList<>();
        for (String list : List.of("homework", "questions", "dashboard")) {
            String route = "/api/learning/cohorts/{id}/" + list;
            HOSTILE_IDS.forEach(id -> tests.add(refused(list + " of cohort " + label(id), get(route, id)
                    .with(as(f.lead)))));
            tests.add(refused(list + " for a learner", get(route, f.cohort).with(as(f.member))));
            tests.add(refused(list + " for another cohort's facilitator", get(route, f.cohort).with(as(f.otherLead))));
            tests.add(refused(list + " without a token", get(route, f.cohort)));
        }
        for (String list : List.of("homework", "questions")) {
            String route = "/api/learning/cohorts/{id}/" + list;
            tests.add(refused(list + ": page not a number", get(route, f.cohort).param("page", "abc").with(as(f.lead))));
            tests.add(refused(list + ": negative page", get(route, f.cohort).param("page", "-1").with(as(f.lead))));
            tests.add(refused(list + ": page whose offset overflows", get(route, f.cohort).param("page", "2147483647")
                    .with(as(f.lead))));
            tests.add(refused(list + ": size too big", get(route, f.cohort).param("size", "1000").with(as(f.lead))));
        }
        String homework = "/api/learning/cohorts/{id}/homework";
        tests.add(refused("unknown status", get(homework, f.cohort).param("status", "MAYBE").with(as(f.lead))));
        tests.add(refused("operator as status", get(homework, f.cohort).param("status", OPERATOR).with(as(f.lead))));
        tests.add(refused("answered not a boolean", get("/api/learning/cohorts/{id}/questions", f.cohort)
                .param("answered", OPERATOR).with(as(f.lead))));
        tests.add(refused("questions for an admin", get("/api/learning/cohorts/{id}/questions", f.cohort)
                .with(as(f.other, "MEMBER", "ADMIN"))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> questionsAndAnswersRefuseWhatTheyCannotUse() throws Exception {
        Fixture f = fixture();
        String asked = "/api/learning/enrollments/{id}/questions";
        String questionId = string(http.perform(post(asked, f.enrollment).with(as(f.member))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"When?\"}"))
                .andExpect(status().isCreated()), "$.questionId");
        String answers = "/api/learning/enrollments/{id}/questions/{q}/answers";
        Map<String, String> valid = Map.of("text", "\"Tomorrow\"");
        List<DynamicTest> tests = new ArrayList<>();
        for (var body : List.of(
                new Body("blank text", spoiled(valid, "text", "\"  \"")),
                new Body("null text", spoiled(valid, "text", "null")),
                new Body("no text", "{}"),
                new Body("huge text", spoiled(valid, "text", "\"" + HUGE + "\"")),
                new Body("text of 5001 characters", spoiled(valid, "text", "\"" + "x".repeat(5001) + "\"")),
                new Body("control characters in text", spoiled(valid, "text", "\"" + CONTROL + "\"")),
                new Body("operator object as text", spoiled(valid, "text", OPERATOR)),
                new Body("array as text", spoiled(valid, "text", "[\"a\",null]")),
                new Body("empty body", ""))) {
            tests.add(refused("question: " + body.name(), json(post(asked, f.enrollment), f.member, body.json())));
            tests.add(refused("answer: " + body.name(), json(post(answers, f.enrollment, questionId), f.lead,
                    body.json())));
        }
        tests.add(refused("question of 2001 characters", json(post(asked, f.enrollment), f.member,
                "{\"text\":\"" + "x".repeat(2001) + "\"}")));
        String ok = "{\"text\":\"Tomorrow\"}";
        HOSTILE_IDS.forEach(id -> {
            tests.add(refused("question from enrolment " + label(id), json(post(asked, id), f.member, ok)));
            tests.add(refused("thread of enrolment " + label(id), get(asked, id).with(as(f.member))));
            tests.add(refused("answer to question " + label(id), json(post(answers, f.enrollment, id), f.lead, ok)));
            tests.add(refused("answer in enrolment " + label(id), json(post(answers, id, questionId), f.lead, ok)));
        });
        tests.add(refused("another learner asking", json(post(asked, f.enrollment), f.other, ok)));
        tests.add(refused("another learner reading", get(asked, f.enrollment).with(as(f.other))));
        tests.add(refused("asking from a withdrawn enrolment", json(post(asked, f.withdrawn), f.leaver, ok)));
        tests.add(refused("the learner answering", json(post(answers, f.enrollment, questionId), f.member, ok)));
        tests.add(refused("another cohort's facilitator answering", json(post(answers, f.enrollment, questionId),
                f.otherLead, ok)));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> ownEnrolmentsShowNobodyElsesToAHostileSubject() throws Exception {
        fixture();
        List<DynamicTest> tests = new ArrayList<>(MemberTokens.HOSTILE_SUBJECTS.stream()
                .map(subject -> DynamicTest.dynamicTest(MemberTokens.testName(subject), () -> http
                        .perform(get("/api/learning/enrollments/me").with(as(subject)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$").isEmpty())))
                .toList());
        tests.add(refused("no token", get("/api/learning/enrollments/me")));
        return tests.stream();
    }

    /**
     * A published cohort with a lead facilitator, a learner holding a place (with homework awaiting review), a
     * learner who withdrew, another member, and another cohort's facilitator.
     */
    private Fixture fixture() throws Exception {
        Enrolment e = enrolment(Map.of());
        String otherLead = learner("malmo");
        cohort(otherLead, Map.of(), 10);
        String submission = submitted(e.member(), e.enrollmentId(), module(1).units().get(2).unitId());
        String leaver = learner("malmo");
        String withdrawn = enrolled(leaver, e.cohortId());
        http.perform(delete("/api/learning/enrollments/{id}", withdrawn).with(as(leaver)))
                .andExpect(status().isNoContent());
        return new Fixture(e.cohortId(), e.lead(), otherLead, e.member(), e.enrollmentId(), submission, leaver, withdrawn,
                learner("malmo"));
    }

    private record Fixture(String cohort, String lead, String otherLead, String member, String enrollment,
            String submission, String leaver, String withdrawn, String other) {
    }

    private record Body(String name, String json) {
    }

    private DynamicTest refused(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }

    /** The valid request after the refused ones: none of them changed what it needs. */
    private DynamicTest accepted(String name, MockHttpServletRequestBuilder request, int expected) {
        return DynamicTest.dynamicTest(name, () -> http.perform(request).andExpect(status().is(expected)));
    }

    private static MockHttpServletRequestBuilder homework(String memberId, String enrollmentId, String unitId,
            String body) {
        return json(post("/api/learning/enrollments/{id}/units/{unitId}/homework", enrollmentId, unitId), memberId,
                body);
    }

    private static MockHttpServletRequestBuilder reviewing(RequestPostProcessor reviewer, String submissionId,
            String body) {
        return post("/api/learning/homework/{id}/review", submissionId).with(reviewer)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String memberId,
            String body) {
        return request.with(as(memberId)).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String label(String id) {
        return MemberTokens.testName(id);
    }
}
