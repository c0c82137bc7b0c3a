package org.netzerocities.campaign.campaign;

import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.Collections;
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

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/** Whatever a client sends to the campaign routes, the answer is a 4xx problem, never a 5xx, and nothing changes. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class CampaignHostileInputTest extends CampaignApi {

    private static final String HUGE = "\"" + "x".repeat(200_000) + "\"";
    private static final String CONTROL = "\"Caf\\u0000\\u0007\\u001b[31m\"";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String OPERATOR_STRING = "\"{\\\"$gt\\\":\\\"\\\"}\"";

    private static Map<String, String> validCampaign(String channelId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channelId", "\"" + channelId + "\"");
        fields.put("kind", "\"CALL_TO_ACTION\"");
        fields.put("title", "\"Lanes\"");
        fields.put("audience", "[\"CITIZENS\"]");
        fields.put("pillar", "\"EXPANDING_MOVEMENT\"");
        fields.put("subTheme", "\"TAKE_ACTION\"");
        fields.put("startsAt", "\"" + in(0) + "\"");
        fields.put("endsAt", "\"" + in(30) + "\"");
        fields.put("callToAction", "{\"activity\":\"Ride\",\"deadline\":\"" + in(10) + "\",\"questions\":"
                + "[{\"id\":\"street\",\"text\":\"Which?\",\"required\":true}]}");
        return fields;
    }

    private static Map<String, String> validPost() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("caption", "\"Ride with us\"");
        fields.put("hashtags", "[\"NetZeroCities\"]");
        fields.put("mediaKind", "\"IMAGE\"");
        fields.put("mediaUrls", "[\"" + IMAGE + "\"]");
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> launchingACampaignRefusesWhatItCannotUse() throws Exception {
        Team team = team();
        Team other = team();
        String lead = team.leader();
        Map<String, String> valid = validCampaign(team.channelId());
        String call = valid.get("callToAction");
        return Stream.of(
                hostile("huge title", launching(lead, spoiled(valid, "title", HUGE))),
                hostile("control characters in title", launching(lead, spoiled(valid, "title", CONTROL))),
                hostile("operator as title", launching(lead, spoiled(valid, "title", OPERATOR))),
                hostile("blank title", launching(lead, spoiled(valid, "title", "\"  \""))),
                hostile("null kind", launching(lead, spoiled(valid, "kind", "null"))),
                hostile("unknown kind", launching(lead, spoiled(valid, "kind", "\"FLASH_MOB\""))),
                hostile("kind as number out of range", launching(lead, spoiled(valid, "kind", "7"))),
                hostile("operator as channel", launching(lead, spoiled(valid, "channelId", OPERATOR))),
                hostile("operator string as channel", launching(lead, spoiled(valid, "channelId", OPERATOR_STRING))),
                hostile("unknown channel", launching(lead, spoiled(valid, "channelId", "\"no-such-channel\""))),
                hostile("huge channel", launching(lead, spoiled(valid, "channelId", HUGE))),
                hostile("another channel's leader", launching(other.leader(), spoiled(valid, "title", "\"Mine\""))),
                hostile("the steering committee", launching(team.steering(), spoiled(valid, "title", "\"Mine\""))),
                hostile("empty audience", launching(lead, spoiled(valid, "audience", "[]"))),
                hostile("null in audience", launching(lead, spoiled(valid, "audience", "[null]"))),
                hostile("unknown audience", launching(lead, spoiled(valid, "audience", "[\"ROBOTS\"]"))),
                hostile("audience as string", launching(lead, spoiled(valid, "audience", "\"CITIZENS\""))),
                hostile("sub-theme of another pillar", launching(lead, spoiled(valid, "subTheme", "\"CONNECTED\""))),
                hostile("cities' sub-theme for citizens", launching(lead, spoiled(valid, "subTheme",
                        "\"SHARE_THE_ACTION\""))),
                hostile("bad date", launching(lead, spoiled(valid, "startsAt", "\"2027-02-30T10:00:00Z\""))),
                hostile("date as object", launching(lead, spoiled(valid, "endsAt", OPERATOR))),
                hostile("end before start", launching(lead, spoiled(valid, "endsAt", "\"2020-01-01T00:00:00Z\""))),
                hostile("negative reach target", launching(lead, spoiled(valid, "kpis", "{\"reach\":-1}"))),
                hostile("reach as string", launching(lead, spoiled(valid, "kpis", "{\"reach\":\"lots\"}"))),
                hostile("huge reach", launching(lead, spoiled(valid, "kpis", "{\"reach\":99999999999999999999999}"))),
                hostile("engagement over 100", launching(lead, spoiled(valid, "kpis", "{\"engagementRate\":101}"))),
                hostile("operator as a target", launching(lead, spoiled(valid, "kpis", "{\"reach\":" + OPERATOR + "}"))),
                hostile("upper-case ref", launching(lead, spoiled(valid, "campaignRef", "\"Lanes\""))),
                hostile("operator ref", launching(lead, spoiled(valid, "campaignRef", OPERATOR))),
                hostile("ref with a dot", launching(lead, spoiled(valid, "campaignRef", "\"a.b.c\""))),
                hostile("no call details", launching(lead, spoiled(valid, "callToAction", "null"))),
                hostile("series details on a call", launching(lead, spoiled(valid, "series",
                        "{\"intervieweeTypes\":[\"CITIZEN\"],\"recurrence\":\"WEEKLY\"}"))),
                hostile("deadline in the past", launching(lead, spoiled(valid, "callToAction",
                        call.replace(in(10), "2020-01-01T00:00:00Z")))),
                hostile("no questions", launching(lead, spoiled(valid, "callToAction",
                        "{\"activity\":\"Ride\",\"deadline\":\"" + in(10) + "\",\"questions\":[]}"))),
                hostile("null among questions", launching(lead, spoiled(valid, "callToAction",
                        "{\"activity\":\"Ride\",\"deadline\":\"" + in(10) + "\",\"questions\":[null]}"))),
                hostile("operator question id", launching(lead, spoiled(valid, "callToAction",
                        call.replace("\"street\"", "\"$gt\"")))),
                hostile("four collaborators", launching(lead, spoiled(spoiled(valid, "kind",
                        "\"COLLABORATION_POST\"").transform(CampaignHostileInputTest::asMap), "collaboration",
                        "{\"collaboratorKind\":\"CITY\",\"handles\":[\"a\",\"b\",\"c\",\"d\"]}"))),
                hostile("JSON array body", launching(lead, "[]")),
                hostile("empty body", launching(lead, "")),
                hostile("no token", post("/api/campaigns/campaigns").contentType(MediaType.APPLICATION_JSON)
                        .content(spoiled(valid, "title", "\"x\""))));
    }

    /** Parses back the flat JSON object {@code spoiled} writes, one level deep, keeping raw values. */
    private static Map<String, String> asMap(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        JsonPath.<Map<String, Object>>read(json, "$").forEach((key, value) -> fields.put(key,
                JsonMapper.shared().writeValueAsString(value)));
        return fields;
    }

    @TestFactory
    Stream<DynamicTest> readingCampaignsRefusesWhatItCannotUse() throws Exception {
        Team team = team();
        Team other = team();
        String series = campaign(team, "COMMUNICATION_SERIES");
        String member = member();
        Stream<DynamicTest> subjects = MemberTokens.HOSTILE_SUBJECTS.stream().map(subject -> hostile(
                "kpis as " + MemberTokens.testName(subject), get("/api/campaigns/campaigns/{id}/kpis", series)
                        .with(asMember(subject))));
        return Stream.concat(subjects, Stream.of(
                hostile("unknown kind", get("/api/campaigns/campaigns").param("kind", "SECRET").with(asMember(member))),
                hostile("operator channel", get("/api/campaigns/campaigns").param("channelId", OPERATOR)
                        .with(asMember(member))),
                hostile("operator param name", get("/api/campaigns/campaigns").param("channelId[$ne]", "x")
                        .param("channelId", "no-such-channel").with(asMember(member))),
                hostile("size too big", get("/api/campaigns/campaigns").param("size", "1000").with(asMember(member))),
                hostile("huge page", get("/api/campaigns/campaigns").param("page", "999999999999")
                        .with(asMember(member))),
                hostile("page not a number", get("/api/campaigns/campaigns").param("page", "x").with(asMember(member))),
                hostile("a series for a member", get("/api/campaigns/campaigns/{id}", series).with(asMember(member))),
                hostile("unknown campaign", get("/api/campaigns/campaigns/{id}", "nope").with(asMember(member))),
                hostile("operator campaign id", get("/api/campaigns/campaigns/{id}", OPERATOR).with(asMember(member))),
                hostile("huge campaign id", get("/api/campaigns/campaigns/{id}", "x".repeat(100_000))
                        .with(asMember(member))),
                hostile("kpis for a member", get("/api/campaigns/campaigns/{id}/kpis", series).with(asMember(member))),
                hostile("kpis for another channel's leader", get("/api/campaigns/campaigns/{id}/kpis", series)
                        .with(asMember(other.leader()))),
                hostile("kpis of an unknown campaign", get("/api/campaigns/campaigns/{id}/kpis", ".*")
                        .with(asMember(team.leader()))),
                hostile("posts for a member", get("/api/campaigns/campaigns/{id}/posts", series)
                        .with(asMember(member))),
                hostile("no token", get("/api/campaigns/campaigns"))));
    }

    @TestFactory
    Stream<DynamicTest> draftingAndEditingPostsRefuseWhatTheyCannotUse() throws Exception {
        Team team = team();
        Team other = team();
        String campaignId = campaign(team, "CONTENT_CREATION");
        String postId = draft(team, campaignId);
        String submitted = submitted(team, campaignId);
        String lead = team.leader();
        Map<String, String> valid = validPost();
        return Stream.of(
                hostile("huge caption", drafting(lead, campaignId, spoiled(valid, "caption", HUGE))),
                hostile("caption over 2,200", drafting(lead, campaignId, spoiled(valid, "caption",
                        "\"" + "x".repeat(2201) + "\""))),
                hostile("control characters in caption", drafting(lead, campaignId, spoiled(valid, "caption",
                        CONTROL))),
                hostile("operator caption", drafting(lead, campaignId, spoiled(valid, "caption", OPERATOR))),
                hostile("null caption", drafting(lead, campaignId, spoiled(valid, "caption", "null"))),
                hostile("31 hashtags", drafting(lead, campaignId, spoiled(valid, "hashtags", "["
                        + String.join(",", Collections.nCopies(31, "\"tag\"")) + "]"))),
                hostile("null among hashtags", drafting(lead, campaignId, spoiled(valid, "hashtags", "[null]"))),
                hostile("hashtag with spaces", drafting(lead, campaignId, spoiled(valid, "hashtags", "[\"a b\"]"))),
                hostile("hashtags as object", drafting(lead, campaignId, spoiled(valid, "hashtags", OPERATOR))),
                hostile("unknown media kind", drafting(lead, campaignId, spoiled(valid, "mediaKind", "\"GIF\""))),
                hostile("no media", drafting(lead, campaignId, spoiled(valid, "mediaUrls", "[]"))),
                hostile("null among media", drafting(lead, campaignId, spoiled(valid, "mediaUrls", "[null]"))),
                hostile("eleven media", drafting(lead, campaignId, spoiled(spoiled(valid, "mediaKind",
                        "\"CAROUSEL\"").transform(CampaignHostileInputTest::asMap), "mediaUrls", "["
                        + String.join(",", Collections.nCopies(11, "\"" + IMAGE + "\"")) + "]"))),
                hostile("http media", drafting(lead, campaignId, spoiled(valid, "mediaUrls",
                        "[\"http://media.example.org/a.jpg\"]"))),
                hostile("loopback media", drafting(lead, campaignId, spoiled(valid, "mediaUrls",
                        "[\"https://127.0.0.1/a.jpg\"]"))),
                hostile("metadata-service media", drafting(lead, campaignId, spoiled(valid, "mediaUrls",
                        "[\"https://169.254.169.254/latest\"]"))),
                hostile("private media", drafting(lead, campaignId, spoiled(valid, "mediaUrls",
                        "[\"https://10.0.0.7/a.jpg\"]"))),
                hostile("huge media URL", drafting(lead, campaignId, spoiled(valid, "mediaUrls", "[" + HUGE + "]"))),
                hostile("collaborators off a collaboration campaign", drafting(lead, campaignId, spoiled(valid,
                        "collaborators", "[\"ana.bikes\"]"))),
                hostile("operator collaborator", drafting(lead, campaignId, spoiled(valid, "collaborators",
                        "[" + OPERATOR + "]"))),
                hostile("JSON array body", drafting(lead, campaignId, "[]")),
                hostile("another channel's leader", drafting(other.leader(), campaignId, spoiled(valid, "caption",
                        "\"Mine\""))),
                hostile("the steering committee drafting", drafting(team.steering(), campaignId, spoiled(valid,
                        "caption", "\"Mine\""))),
                hostile("unknown campaign", drafting(lead, "nope", spoiled(valid, "caption", "\"x\""))),
                hostile("operator campaign id", drafting(lead, OPERATOR, spoiled(valid, "caption", "\"x\""))),
                hostile("editing a submitted post", editing(lead, submitted, spoiled(valid, "caption", "\"x\""))),
                hostile("another channel's leader editing", editing(other.leader(), postId, spoiled(valid, "caption",
                        "\"x\""))),
                hostile("editing with control characters", editing(lead, postId, spoiled(valid, "caption",
                        CONTROL))),
                hostile("editing an unknown post", editing(lead, "nope", spoiled(valid, "caption", "\"x\""))),
                hostile("reading another channel's post", get("/api/campaigns/posts/{id}", postId)
                        .with(asMember(other.leader()))),
                hostile("reading an operator post id", get("/api/campaigns/posts/{id}", OPERATOR)
                        .with(asMember(lead))),
                hostile("no token", post("/api/campaigns/campaigns/{id}/posts", campaignId)
                        .contentType(MediaType.APPLICATION_JSON).content(spoiled(valid, "caption", "\"x\""))));
    }

    @TestFactory
    Stream<DynamicTest> theApprovalWorkflowRefusesWhatItCannotUse() throws Exception {
        Team team = team();
        Team other = team();
        String campaignId = campaign(team, "CONTENT_CREATION");
        String draft = draft(team, campaignId);
        String submitted = submitted(team, campaignId);
        String steer = team.steering();
        String later = "{\"scheduledAt\":\"" + in(2) + "\"}";
        return Stream.of(
                hostile("submitting twice", submitting(team.leader(), submitted)),
                hostile("the committee submitting", submitting(steer, draft)),
                hostile("another channel's leader submitting", submitting(other.leader(), draft)),
                hostile("submitting an unknown post", submitting(team.leader(), "nope")),
                hostile("submitting an operator id", submitting(team.leader(), OPERATOR)),
                hostile("approving a draft", approving(steer, draft, later)),
                hostile("a leader approving", approving(team.leader(), submitted, later)),
                hostile("another channel's committee approving", approving(other.steering(), submitted, later)),
                hostile("a member approving", approving(member(), submitted, later)),
                hostile("approving without time", approving(steer, submitted, "{}")),
                hostile("approving in the past", approving(steer, submitted,
                        "{\"scheduledAt\":\"2020-01-01T00:00:00Z\"}")),
                hostile("approving years ahead", approving(steer, submitted,
                        "{\"scheduledAt\":\"2099-01-01T00:00:00Z\"}")),
                hostile("time as operator", approving(steer, submitted, "{\"scheduledAt\":" + OPERATOR + "}")),
                hostile("time as number", approving(steer, submitted, "{\"scheduledAt\":12}")),
                hostile("huge comment", approving(steer, submitted, "{\"comment\":" + HUGE + ",\"scheduledAt\":\""
                        + in(2) + "\"}")),
                hostile("control characters in comment", approving(steer, submitted, "{\"comment\":" + CONTROL
                        + ",\"scheduledAt\":\"" + in(2) + "\"}")),
                hostile("approving an unknown post", approving(steer, "nope", later)),
                hostile("rejecting without comment", rejecting(steer, submitted, "{}")),
                hostile("rejecting with a blank comment", rejecting(steer, submitted, "{\"comment\":\" \"}")),
                hostile("rejecting with an operator", rejecting(steer, submitted, "{\"comment\":" + OPERATOR + "}")),
                hostile("rejecting a draft", rejecting(steer, draft, "{\"comment\":\"No\"}")),
                hostile("a member rejecting", rejecting(member(), submitted, "{\"comment\":\"No\"}")),
                hostile("JSON array body", approving(steer, submitted, "[]")),
                hostile("no token", post("/api/campaigns/posts/{id}/approval", submitted)
                        .contentType(MediaType.APPLICATION_JSON).content(later)));
    }

    @TestFactory
    Stream<DynamicTest> calendarsRefuseWhatTheyCannotUse() throws Exception {
        Team team = team();
        Team other = team();
        String lead = team.leader();
        return Stream.of(
                hostile("another channel's leader", calendar(other.leader(), team.channelId(), "")),
                hostile("a member", calendar(member(), team.channelId(), "")),
                hostile("another channel's leader, iCalendar", calendar(other.leader(), team.channelId(), ".ics")),
                hostile("unknown channel", calendar(lead, "nope", "")),
                hostile("operator channel", calendar(lead, OPERATOR, ".ics")),
                hostile("bad from", calendar(lead, team.channelId(), "").param("from", "yesterday")),
                hostile("operator from", calendar(lead, team.channelId(), "").param("from[$gt]", "")
                        .param("from", OPERATOR)),
                hostile("to before from", calendar(lead, team.channelId(), "").param("from", in(5))
                        .param("to", in(1))),
                hostile("ten years", calendar(lead, team.channelId(), ".ics").param("from", in(0))
                        .param("to", in(3650))),
                hostile("no token", get("/api/campaigns/channels/{id}/calendar", team.channelId())));
    }

    @TestFactory
    Stream<DynamicTest> respondingToACallToActionRefusesWhatItCannotUse() throws Exception {
        Team team = team();
        String call = campaign(team, "CALL_TO_ACTION");
        String series = campaign(team, "COMMUNICATION_SERIES");
        String answered = member();
        http.perform(json(post("/api/campaigns/calls-to-action/{id}/responses", call), answered,
                "{\"answers\":{\"street\":\"Rua Augusta\"}}"));
        String member = member();
        return Stream.of(
                hostile("answering twice", responding(answered, call, "{\"answers\":{\"street\":\"Again\"}}")),
                hostile("missing required answer", responding(member, call, "{\"answers\":{\"why\":\"x\"}}")),
                hostile("unknown question", responding(member, call, "{\"answers\":{\"street\":\"a\",\"who\":\"b\"}}")),
                hostile("operator question", responding(member, call, "{\"answers\":{\"street\":\"a\",\"$gt\":\"\"}}")),
                hostile("dotted question", responding(member, call, "{\"answers\":{\"street\":\"a\",\"a.b\":\"c\"}}")),
                hostile("operator answer", responding(member, call, "{\"answers\":{\"street\":" + OPERATOR + "}}")),
                hostile("null answer", responding(member, call, "{\"answers\":{\"street\":null}}")),
                hostile("answer as array", responding(member, call, "{\"answers\":{\"street\":[\"a\",null]}}")),
                hostile("huge answer", responding(member, call, "{\"answers\":{\"street\":" + HUGE + "}}")),
                hostile("control characters", responding(member, call, "{\"answers\":{\"street\":" + CONTROL + "}}")),
                hostile("answers as array", responding(member, call, "{\"answers\":[\"a\"]}")),
                hostile("no answers", responding(member, call, "{}")),
                hostile("not a call to action", responding(member, series, "{\"answers\":{\"street\":\"a\"}}")),
                hostile("unknown call", responding(member, "nope", "{\"answers\":{\"street\":\"a\"}}")),
                hostile("operator call id", responding(member, OPERATOR, "{\"answers\":{\"street\":\"a\"}}")),
                hostile("JSON array body", responding(member, call, "[]")),
                hostile("no token", post("/api/campaigns/calls-to-action/{id}/responses", call)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{\"street\":\"a\"}}")));
    }

    private static MockHttpServletRequestBuilder launching(String memberId, String body) {
        return json(post("/api/campaigns/campaigns"), memberId, body);
    }

    private static MockHttpServletRequestBuilder drafting(String memberId, String campaignId, String body) {
        return json(post("/api/campaigns/campaigns/{id}/posts", campaignId), memberId, body);
    }

    private static MockHttpServletRequestBuilder editing(String memberId, String postId, String body) {
        return json(put("/api/campaigns/posts/{id}", postId), memberId, body);
    }

    private static MockHttpServletRequestBuilder submitting(String memberId, String postId) {
        return post("/api/campaigns/posts/{id}/submission", postId).with(asMember(memberId));
    }

    private static MockHttpServletRequestBuilder approving(String memberId, String postId, String body) {
        return json(post("/api/campaigns/posts/{id}/approval", postId), memberId, body);
    }

    private static MockHttpServletRequestBuilder rejecting(String memberId, String postId, String body) {
        return json(post("/api/campaigns/posts/{id}/rejection", postId), memberId, body);
    }

    private static MockHttpServletRequestBuilder calendar(String memberId, String channelId, String suffix) {
        return get("/api/campaigns/channels/{id}/calendar" + suffix, channelId).with(asMember(memberId));
    }

    private static MockHttpServletRequestBuilder responding(String memberId, String callId, String body) {
        return json(post("/api/campaigns/calls-to-action/{id}/responses", callId), memberId, body);
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return HostileRequests.refused(http, name, request);
    }
}
