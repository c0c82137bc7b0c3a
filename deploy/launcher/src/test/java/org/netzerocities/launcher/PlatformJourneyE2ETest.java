package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as the launcher runs it — a real Kafka broker process, the embedded MongoDB-wire
 * server, the four services and the gateway as separate JVMs — driven only through the gateway, as
 * the portal would. The platform is the run's shared one ({@link SharedPlatform}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class PlatformJourneyE2ETest {

    private static final String MEMBERS_TOPIC = "nzc.community.members.v1";
    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final Duration AFTER_AN_OUTAGE = Duration.ofMinutes(3);

    private static LocalStack stack;
    private static OtlpTraceReceiver traces;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void platform(LocalStack shared, OtlpTraceReceiver sharedTraces) {
        stack = shared;
        traces = sharedTraces;
    }

    @Test
    @Order(1)
    void citizenJoinsLogsInAndIsWelcomedAndKnownToEveryService() throws Exception {
        JsonNode cities = call("GET", "/api/community/cities?size=100", null, null, 200);
        assertThat(cities.get("total").asInt()).isEqualTo(112);

        // the portal shows the terms in force and the minimum age before the citizen registers
        JsonNode terms = call("GET", "/api/community/terms", null, null, 200);
        assertThat(terms.get("text").asString()).contains("privacy notice");
        assertThat(terms.get("minimumAge").asInt()).isEqualTo(16);
        String email = "ana-" + UUID.randomUUID() + "@example.org";
        JsonNode registered = register(email, "cluj-napoca");
        String memberId = registered.at("/member/id").asString();
        assertThat(registered.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(registered.at("/member/termsVersion").asInt()).isEqualTo(terms.get("version").asInt());

        JsonNode loggedIn = call("POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", null, 200);
        assertThat(loggedIn.get("termsAcceptanceRequired").asBoolean()).isFalse();
        String token = loggedIn.get("accessToken").asString();
        assertThat(call("GET", "/api/community/members/me", null, token, 200).get("id").asString())
                .isEqualTo(memberId);

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode inbox = call("GET", "/api/notifications", null, token, 200);
            assertThat(inbox.get("total").asInt()).isEqualTo(1);
            assertThat(inbox.at("/items/0/kind").asString()).isEqualTo("WELCOME");
        });
        // the launcher's local SMTP sink receives the verification email at once; notification emails (the welcome
        // among them) go only to verified addresses
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(mailsTo(email)).contains("Confirm your email address"));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(call("GET", "/api/learning/learners/me", null, token, 200).get("city").asString())
                    .isEqualTo("cluj-napoca");
            assertThat(call("GET", "/api/campaigns/audience/me", null, token, 200).get("city").asString())
                    .isEqualTo("cluj-napoca");
        });

        // the bootstrap admin of the embedded default grants a role; it shows in the member's next token
        String admin = adminToken();
        call("POST", "/api/community/members/" + memberId + "/roles", "{\"role\":\"FRONTRUNNER\"}", admin, 200);
        String renewed = logIn(email);
        // a city-bound role travels as a grant for its city, never as a global role
        assertThat(claims(renewed).get("grants").toString()).contains("FRONTRUNNER").contains("cluj-napoca");
        assertThat(claims(renewed).get("roles").toString()).doesNotContain("FRONTRUNNER");
    }

    /**
     * The onboarding journey of issue 6: a transition team launches a local call, a citizen joins through it,
     * completes the profile, accepts the manifesto and is found in the directory; the city view shows the join;
     * erasure ends the account and its tokens in every service.
     */
    @Test
    @Order(2)
    void citizenJoinsThroughALocalCallIsOnboardedFoundAndCountedThenErased() throws Exception {
        String admin = adminToken();
        String teamEmail = "rita-" + UUID.randomUUID() + "@example.org";
        String teamId = register(teamEmail, "lisbon").at("/member/id").asString();
        call("POST", "/api/community/members/" + teamId + "/roles", "{\"role\":\"TRANSITION_TEAM\"}", admin, 200);
        String team = logIn(teamEmail);

        String code = call("POST", "/api/community/calls", """
                {"title":"Lisbon needs its climate champions","message":"Join us","topics":["energy"],
                 "closesAt":"%s"}""".formatted(java.time.OffsetDateTime.now().plusDays(60)), team, 201)
                .get("code").asString();
        assertThat(call("GET", "/api/community/calls/" + code, null, null, 200).get("joins").asInt()).isZero();

        String email = "joana-" + UUID.randomUUID() + "@example.org";
        JsonNode joined = call("POST", "/api/community/members", """
                {"email":"%s","password":"correct horse battery","displayName":"Joana Conceição","city":"lisbon",
                 "languages":["pt","en"],"interests":["energy","food"],"callCode":"%s","campaignRef":"nzc-lisbon",%s}"""
                .formatted(email, code.toLowerCase(java.util.Locale.ROOT), consent()), null, 201);
        String memberId = joined.at("/member/id").asString();
        String token = joined.get("accessToken").asString();
        await().atMost(EVENTUALLY).untilAsserted(() ->
                assertThat(call("GET", "/api/community/calls/" + code, null, null, 200).get("joins").asInt()).isOne());

        call("PATCH", "/api/community/members/me",
                "{\"bio\":\"Community energy in Marvila\",\"directoryVisible\":true}", token, 200);
        call("POST", "/api/community/onboarding/manifesto/acceptance", null, token, 200);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                call("GET", "/api/community/onboarding", null, token, 200).at("/checklist/onboarded").asBoolean())
                .isTrue());

        JsonNode found = call("GET", "/api/community/members?city=lisbon&q=conce", null, team, 200);
        assertThat(java.util.stream.StreamSupport.stream(found.get("items").spliterator(), false)
                .map(item -> item.get("id").asString())).contains(memberId);

        JsonNode dashboard = call("GET", "/api/community/cities/lisbon/dashboard", null, team, 200);
        assertThat(dashboard.toString()).contains(code);
        call("GET", "/api/community/cities/lisbon/dashboard", null, token, 403);

        call("DELETE", "/api/community/members/me", null, token, 204);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(send("GET", "/api/learning/me/export", null, token).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/api/notifications", null, token).statusCode()).isEqualTo(401);
        });
        assertThat(send("GET", "/api/community/members/me", null, token).statusCode()).isEqualTo(401);
    }

    /** The bootstrap admin of the embedded default. */
    private String adminToken() throws Exception {
        return logIn("admin@nzc.local", "change-me-now");
    }

    private String logIn(String email) throws Exception {
        return logIn(email, "correct horse battery");
    }

    private String logIn(String email, String password) throws Exception {
        return call("POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null, 200)
                .get("accessToken").asString();
    }

    /**
     * The peer-to-peer space of issue 7: a frontrunner opens a group, a member joins it and starts a thread, the
     * frontrunner replies mentioning her and she is notified; the frontrunner schedules an event with one seat, a
     * second member is waitlisted and promoted when the first cancels; the city's calendar and the member's private
     * feed serve it as iCalendar without a token; the member pins her own content to the city's board.
     */
    @Test
    @Order(3)
    void membersMeetInAGroupTalkWithMentionsRegisterForAnEventAndPinTheirContent() throws Exception {
        String admin = adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String organiserEmail = "marta-" + run + "@example.org";
        String organiserId = register(organiserEmail, "antwerp", "Marta Janssens").at("/member/id").asString();
        call("POST", "/api/community/members/" + organiserId + "/roles", "{\"role\":\"FRONTRUNNER\"}", admin, 200);
        String organiser = logIn(organiserEmail);
        JsonNode ines = register("ines-" + run + "@example.org", "antwerp", "Ines Peeters " + run);
        String inesId = ines.at("/member/id").asString();
        String inesToken = ines.get("accessToken").asString();
        String joren = register("joren-" + run + "@example.org", "antwerp", "Joren Maes").get("accessToken").asString();

        String group = call("POST", "/api/community/groups", """
                {"kind":"TOPIC","topic":"energy","city":"antwerp","name":"Antwerp energy communities %s",
                 "visibility":"PUBLIC"}""".formatted(run), organiser, 201).get("id").asString();
        call("POST", "/api/community/groups/" + group + "/members", null, inesToken, 201);
        JsonNode started = call("POST", "/api/community/groups/" + group + "/threads",
                "{\"title\":\"Solar on school roofs\",\"body\":\"<p>Who knows a <b>roofer</b>?</p>"
                        + "<script>alert(1)</script>\"}", inesToken, 201);
        String thread = started.at("/thread/id").asString();
        assertThat(started.at("/firstPost/body").asString()).contains("<b>roofer</b>").doesNotContain("script");
        // her joining reached the checklist through Kafka, and her name (from MemberJoined, published before) the
        // mention index: a member who joined a moment ago may not be mentionable yet
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(call("GET", "/api/community/onboarding", null,
                inesToken, 200).toString()).containsPattern("\"join-a-group\"[^}]*\"DONE\""));
        call("POST", "/api/community/threads/" + thread + "/posts",
                "{\"body\":\"@Ines Peeters " + run + " I do, let us meet\"}", organiser, 201);
        assertThat(call("GET", "/api/community/threads/" + thread + "/posts", null, joren, 200).get("items"))
                .hasSize(2);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                call("GET", "/api/notifications", null, inesToken, 200).findValuesAsString("kind"))
                .contains("MENTION"));

        JsonNode scheduled = call("POST", "/api/community/events", """
                {"title":"Roof walk","format":"IN_PERSON","city":"antwerp","address":"Grote Markt 1",
                 "startsAt":"%s","endsAt":"%s","timeZone":"Europe/Brussels","capacity":1,"language":"nl",
                 "topics":["energy"],"groupId":"%s"}""".formatted(
                java.time.LocalDateTime.now().plusDays(10).withNano(0), java.time.LocalDateTime.now().plusDays(10)
                        .plusHours(2).withNano(0), group), organiser, 201);
        String event = scheduled.get("id").asString();
        assertThat(call("POST", "/api/community/events/" + event + "/registrations", null, inesToken, 201)
                .get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(call("POST", "/api/community/events/" + event + "/registrations", null, joren, 201)
                .get("status").asString()).isEqualTo("WAITLISTED");
        call("DELETE", "/api/community/events/" + event + "/registrations/me", null, inesToken, 204);
        assertThat(call("GET", "/api/community/events/" + event + "/registrations/me", null, joren, 200)
                .get("status").asString()).isEqualTo("CONFIRMED");
        // each change of a registration is told to its member: Joren waited, then got Ines's seat
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(kindsOf(joren)).contains("EVENT_REGISTRATION_WAITLISTED", "EVENT_REGISTRATION_PROMOTED");
            assertThat(kindsOf(inesToken)).contains("MENTION", "EVENT_REGISTRATION_CONFIRMED",
                    "EVENT_REGISTRATION_CANCELLED");
        });

        HttpResponse<String> cityFeed = send("GET", "/api/community/events/calendar.ics?city=antwerp", null, null);
        assertThat(cityFeed.statusCode()).isEqualTo(200);
        assertThat(cityFeed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(cityFeed.body()).contains("BEGIN:VCALENDAR", "UID:" + event, "SUMMARY:Roof walk", "TZID=Europe/Brussels");
        String feedUrl = call("GET", "/api/community/members/me/calendar-feed", null, joren, 200).get("url").asString();
        assertThat(feedUrl).startsWith(stack.gatewayUrl());
        HttpResponse<String> privateFeed = send("GET", feedUrl.substring(stack.gatewayUrl().length()), null, null);
        assertThat(privateFeed.statusCode()).isEqualTo(200);
        assertThat(privateFeed.body()).contains("UID:" + event);

        String pin = call("POST", "/api/community/pins", """
                {"kind":"SOCIAL_POST","title":"Our solar roof, one year on","url":"https://www.instagram.com/p/abc%s/",
                 "tags":["Energy","#schools"]}""".formatted(run), inesToken, 201).get("id").asString();
        JsonNode board = call("GET", "/api/community/pins?city=antwerp&tag=schools", null, joren, 200);
        assertThat(board.findValuesAsString("id")).contains(pin);
        assertThat(board.toString()).contains(inesId);
    }

    /**
     * The capability-building programme of issue 8: a facilitator opens a cohort, a citizen enrols (and joins the
     * cohort's peer group in the community space through Kafka), watches every masterclass and hands in every
     * homework; the facilitator returns one with feedback and accepts the rest; each module completes, then the
     * programme, and the certificate it earns is verified by anyone and downloaded as a PDF through the gateway.
     */
    @Test
    @Order(4)
    void learnerEnrolsCompletesTheProgrammeWithHerFacilitatorAndHoldsAVerifiableCertificate() throws Exception {
        String admin = adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String facilitatorEmail = "lucia-" + run + "@example.org";
        String facilitatorId = register(facilitatorEmail, "seville", "Lucía Ortega").at("/member/id").asString();
        call("POST", "/api/community/members/" + facilitatorId + "/roles", "{\"role\":\"FACILITATOR\"}", admin, 200);
        String facilitator = logIn(facilitatorEmail);
        JsonNode carmen = register("carmen-" + run + "@example.org", "seville", "Carmen Ruiz " + run);
        String learner = carmen.get("accessToken").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            call("GET", "/api/learning/learners/me", null, facilitator, 200);
            call("GET", "/api/learning/learners/me", null, learner, 200);
        });

        String cohort = call("POST", "/api/learning/cohorts", """
                {"name":"Seville %s","language":"es","startsOn":"%s","endsOn":"%s","capacity":20,
                 "discussionLink":"https://meet.example.org/nzc-seville"}""".formatted(run,
                LocalDate.now(ZoneOffset.UTC).plusDays(1),
                LocalDate.now(ZoneOffset.UTC).plusDays(71)), facilitator, 201).get("cohortId").asString();
        call("POST", "/api/learning/cohorts/" + cohort + "/publication", null, facilitator, 200);
        JsonNode enrolled = call("POST", "/api/learning/cohorts/" + cohort + "/enrollments", null, learner, 201);
        assertThat(enrolled.get("status").asString()).isEqualTo("ENROLLED");
        String enrollment = enrolled.get("enrollmentId").asString();
        // CohortStarted made the peer group, LearnerEnrolled put her in it
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(call("GET",
                "/api/community/groups/cohort-" + cohort + "/members", null, learner, 200).toString())
                .contains(carmen.at("/member/id").asString()));

        JsonNode programme = call("GET", "/api/learning/program", null, null, 200);
        List<JsonNode> modules = new ArrayList<>();
        programme.get("modules").forEach(modules::add);
        assertThat(modules).hasSize(5);
        boolean returnedOnce = false;
        for (JsonNode module : modules) {
            for (JsonNode unit : module.get("units")) {
                String unitPath = "/api/learning/enrollments/" + enrollment + "/units/" + unit.get("unitId").asString();
                call("POST", unitPath + "/completion", null, learner, 200);
                String homework = call("POST", unitPath + "/homework",
                        "{\"text\":\"In Seville we would start with the shade plan of Triana.\"}", learner, 201)
                        .get("submissionId").asString();
                if (!returnedOnce) {
                    returnedOnce = true;
                    call("POST", "/api/learning/homework/" + homework + "/review",
                            "{\"decision\":\"RETURNED\",\"feedback\":\"Name one action of the city's CCC.\"}",
                            facilitator, 200);
                    homework = call("POST", unitPath + "/homework", "{\"text\":\"Triana's shade plan, part of the "
                            + "CCC's action plan.\",\"link\":\"https://example.org/triana\"}", learner, 201)
                            .get("submissionId").asString();
                }
                call("POST", "/api/learning/homework/" + homework + "/review", "{\"decision\":\"ACCEPTED\"}",
                        facilitator, 200);
            }
            if (module == modules.get(0)) {
                JsonNode first = call("GET", "/api/learning/enrollments/me", null, learner, 200).at("/0/modules/0");
                assertThat(first.get("percent").asInt()).isEqualTo(100);
                assertThat(first.get("completed").asBoolean()).isTrue();
            }
        }

        // ProgramCompleted -> the certificate issuer -> CertificateIssued -> her enrolment shows the code
        String code = await().atMost(EVENTUALLY).until(() -> call("GET", "/api/learning/enrollments/me", null, learner,
                200).at("/0/certificate/verificationCode").asString(""), value -> !value.isEmpty());
        JsonNode verified = call("GET", "/api/learning/certificates/" + code, null, null, 200);
        assertThat(verified.get("holder").asString()).isEqualTo("Carmen Ruiz " + run);
        assertThat(verified.get("status").asString()).isEqualTo("VALID");
        assertThat(verified.get("cohortName").asString()).isEqualTo("Seville " + run);
        assertThat(verified.get("verificationUrl").asString()).startsWith(stack.gatewayUrl());
        HttpResponse<String> pdf = send("GET", "/api/learning/certificates/" + code + "/pdf", null, null);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        // the learner heard of her place, the returned and accepted homework, each module and the certificate; her
        // facilitator of each homework handed in and each module she completed
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(kindsOf(learner)).contains("LEARNER_ENROLLED", "HOMEWORK_RETURNED", "HOMEWORK_ACCEPTED",
                    "MODULE_COMPLETED", "CERTIFICATE_ISSUED");
            assertThat(kindsOf(learner).stream().filter("MODULE_COMPLETED"::equals)).hasSize(5);
            assertThat(kindsOf(facilitator)).contains("HOMEWORK_SUBMITTED", "LEARNER_MODULE_COMPLETED");
        });
        JsonNode dashboard = call("GET", "/api/learning/cohorts/" + cohort + "/dashboard", null, facilitator, 200);
        assertThat(dashboard.toString()).contains("Carmen Ruiz " + run);
        call("GET", "/api/learning/cohorts/" + cohort + "/dashboard", null, learner, 403);
    }

    /**
     * The engagement plan of issue 9: an admin opens Valencia's channel and appoints its leadership team and
     * steering committee; the leadership team launches a call to action and drafts its post, which cannot be
     * approved by its author and is approved by the steering committee, then published by the scheduler (the local
     * publisher of the embedded stack); a citizen who joins through the campaign's link and answers the call is
     * counted in its KPIs.
     */
    @Test
    @Order(5)
    void aCampaignPostIsApprovedByTheSteeringCommitteePublishedAndItsCallToActionCounted() throws Exception {
        String admin = adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        JsonNode lead = register("pau-" + run + "@example.org", "valencia", "Pau Ferrer");
        JsonNode steering = register("elena-" + run + "@example.org", "valencia", "Elena Navarro");
        String leadToken = lead.get("accessToken").asString();
        String steeringToken = steering.get("accessToken").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            call("GET", "/api/campaigns/audience/me", null, leadToken, 200);
            call("GET", "/api/campaigns/audience/me", null, steeringToken, 200);
        });

        JsonNode channel = call("POST", "/api/campaigns/channels",
                "{\"city\":\"valencia\",\"language\":\"es\",\"instagramAccountId\":\"17841400000000001\"}",
                admin, 201);
        assertThat(channel.get("handle").asString()).isEqualTo("NZCommunities_Valencia");
        String channelId = channel.get("channelId").asString();
        call("POST", "/api/campaigns/channels/" + channelId + "/team", "{\"memberId\":\""
                + lead.at("/member/id").asString() + "\",\"role\":\"LEADERSHIP_TEAM\"}", admin, 200);
        call("POST", "/api/campaigns/channels/" + channelId + "/team", "{\"memberId\":\""
                + steering.at("/member/id").asString() + "\",\"role\":\"STEERING_COMMITTEE\"}", admin, 200);
        // the channel's own Instagram token (stored encrypted; the embedded stack's local publisher posts nothing)
        assertThat(send("PUT", "/api/campaigns/channels/" + channelId + "/credential",
                "{\"accessToken\":\"IGQVJ-valencia-" + run + "\"}", admin).statusCode()).isBetween(200, 204);

        String ref = "valencia-trees-" + run;
        JsonNode campaign = call("POST", "/api/campaigns/campaigns", """
                {"channelId":"%s","kind":"CALL_TO_ACTION","title":"Plant a street tree","audience":["CITIZENS"],
                 "pillar":"EXPANDING_MOVEMENT","subTheme":"TAKE_ACTION","startsAt":"%s","endsAt":"%s",
                 "kpis":{"responses":50,"newMembers":20},"campaignRef":"%s",
                 "callToAction":{"activity":"Adopt a tree in your street","deadline":"%s",
                  "questions":[{"id":"street","text":"Which street?","required":true}]}}""".formatted(channelId,
                Instant.now(), Instant.now().plus(Duration.ofDays(30)), ref,
                Instant.now().plus(Duration.ofDays(20))), leadToken, 201);
        String campaignId = campaign.get("id").asString();
        String post = call("POST", "/api/campaigns/campaigns/" + campaignId + "/posts", """
                {"caption":"Adopt a tree in your street this spring","hashtags":["NetZeroCities","Valencia"],
                 "mediaKind":"IMAGE","mediaUrls":["https://media.example.org/valencia-trees.jpg"]}""", leadToken, 201)
                .get("id").asString();
        call("POST", "/api/campaigns/posts/" + post + "/submission", null, leadToken, 200);
        // nothing reaches the channel without the steering committee: not even its author may approve
        String approval = "{\"scheduledAt\":\"" + Instant.now().plusSeconds(2) + "\"}";
        assertThat(send("POST", "/api/campaigns/posts/" + post + "/approval", approval, leadToken).statusCode())
                .isEqualTo(403);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(kindsOf(steeringToken))
                .contains("CAMPAIGN_POST_SUBMITTED", "CALL_TO_ACTION"));
        call("POST", "/api/campaigns/posts/" + post + "/approval", approval, steeringToken, 200);
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(kindsOf(leadToken))
                .contains("CHANNEL_TEAM_APPOINTED", "CAMPAIGN_POST_APPROVED"));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode published = call("GET", "/api/campaigns/posts/" + post, null, leadToken, 200);
            assertThat(published.at("/publication/status").asString()).isEqualTo("PUBLISHED");
            assertThat(published.at("/publication/permalink").asString()).isNotEmpty();
        });
        assertThat(send("GET", "/api/campaigns/channels/" + channelId + "/calendar.ics", null, leadToken).body())
                .contains("BEGIN:VCALENDAR", "UID:" + post);

        JsonNode citizen = call("POST", "/api/community/members", """
                {"email":"marta-%s@example.org","password":"correct horse battery","displayName":"Marta Soler",
                 "city":"valencia","languages":["es"],"interests":["nature"],"campaignRef":"%s",%s}"""
                .formatted(run, ref, consent()),
                null, 201);
        call("POST", "/api/campaigns/calls-to-action/" + campaignId + "/responses",
                "{\"answers\":{\"street\":\"Carrer de Sueca\"}}", citizen.get("accessToken").asString(), 201);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            JsonNode kpis = call("GET", "/api/campaigns/campaigns/" + campaignId + "/kpis", null, leadToken, 200);
            assertThat(kpis.at("/measured/responses").asLong()).isOne();
            assertThat(kpis.at("/measured/newMembers").asLong()).isOne();
        });
    }

    @Test
    @Order(6)
    void badInputAndBadTokensAreProblemsNotFailures() throws Exception {
        HttpResponse<String> invalid = send("POST", "/api/community/members", "{\"email\":\"nope\"}", null);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> forged = send("GET", "/api/notifications", null, "forged.token.value");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    @Order(7)
    void everyServiceHasHealthMetricsAndApiDocsThroughTheGateway() throws Exception {
        for (String docs : List.of("community", "learning", "campaigns", "notifications")) {
            assertThat(call("GET", "/api/" + docs + "/v3/api-docs", null, null, 200).get("openapi").asString())
                    .startsWith("3.");
        }
        assertThat(send("GET", "/swagger-ui.html", null, null).statusCode()).isIn(200, 302);
        for (Service service : Service.values()) {
            String base = stack.actuatorUrl(service);
            for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                assertThat(get(base + path).statusCode()).as(service + path).isEqualTo(200);
            }
            assertThat(get(base + "/actuator/prometheus").body()).as(service + " metrics").contains("jvm_memory");
        }
        assertThat(get(stack.actuatorUrl(Service.COMMUNITY) + "/actuator/prometheus").body())
                .contains("nzc_outbox_backlog");
    }

    /**
     * The broker goes away: registrations still succeed and their events wait in the outbox; when it
     * returns every event goes out once, every member is welcomed once — also after the consumers
     * are forced to see every event a second time — and gets the email to confirm her address.
     */
    @Test
    @Order(8)
    void noEventIsLostOrDoubledAcrossABrokerOutage() throws Exception {
        int members = 5;
        stack.stopKafka();

        Map<String, String> tokens = new HashMap<>();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            addresses.add("outage-" + i + "-" + UUID.randomUUID() + "@example.org");
            JsonNode registered = register(addresses.get(i), "malmo");
            tokens.put(registered.at("/member/id").asString(), registered.get("accessToken").asString());
        }
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(outboxBacklog()).isGreaterThanOrEqualTo(members));

        stack.startKafka();

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            for (String token : tokens.values()) {
                assertThat(call("GET", "/api/notifications", null, token, 200).get("total").asInt()).isEqualTo(1);
            }
        });
        List<ConsumerRecord<String, String>> published = readMemberEvents(tokens.keySet(), members);
        assertThat(published).hasSize(members);
        assertThat(published.stream().map(r -> header(r, "ce_id")).distinct()).hasSize(members);
        await().atMost(EVENTUALLY).until(() -> outboxBacklog() == 0);

        // forced redelivery: every event of these members reaches the consumers a second time
        republish(published);
        await().atMost(EVENTUALLY).until(() -> ConsumerGroups.lag(stack, "notification-service", MEMBERS_TOPIC) == 0);

        for (String token : tokens.values()) {
            assertThat(call("GET", "/api/notifications", null, token, 200).get("total").asInt()).isEqualTo(1);
        }
        try (var mongo = MongoClients.create(stack.mongoUri())) {
            long stored = mongo.getDatabase("nzc-notification").getCollection("notifications")
                    .countDocuments(new Document("memberId", new Document("$in", List.copyOf(tokens.keySet()))));
            assertThat(stored).isEqualTo(members);
        }
        // and the account emails (internal topics; each waits for the member's contact). After the outage the
        // consumers of notification-service's group all rejoin it; this path was once seen to take over 90 s to
        // resume, which the next journey (Order 10) then waited for
        for (String address : addresses) {
            await().atMost(AFTER_AN_OUTAGE).until(() -> linkToken(address, "Confirm your email address"),
                    token -> token != null);
        }
    }

    /**
     * The live stream through the gateway, as a browser's EventSource uses it: a one-use ticket opens it, a mention
     * arrives on it while it is open; after a disconnect, another mention is written, and a reconnect with the last
     * event id received sends exactly what was missed.
     */
    @Test
    @Order(9)
    void aMemberFollowsHerNotificationsLiveAndResumesAfterADisconnectWithoutLossOrRepeat() throws Exception {
        String admin = adminToken();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String organiserEmail = "lea-" + run + "@example.org";
        String organiserId = register(organiserEmail, "antwerp", "Lea Claes").at("/member/id").asString();
        call("POST", "/api/community/members/" + organiserId + "/roles", "{\"role\":\"FRONTRUNNER\"}", admin, 200);
        String organiser = logIn(organiserEmail);
        String lotte = register("lotte-" + run + "@example.org", "antwerp", "Lotte Wouters " + run)
                .get("accessToken").asString();
        String group = call("POST", "/api/community/groups", """
                {"kind":"TOPIC","topic":"energy","city":"antwerp","name":"Antwerp heat networks %s",
                 "visibility":"PUBLIC"}""".formatted(run), organiser, 201).get("id").asString();
        call("POST", "/api/community/groups/" + group + "/members", null, lotte, 201);
        String thread = call("POST", "/api/community/groups/" + group + "/threads",
                "{\"title\":\"District heating\",\"body\":\"<p>Who is in?</p>\"}", lotte, 201)
                .at("/thread/id").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(call("GET", "/api/community/onboarding", null,
                lotte, 200).toString()).containsPattern("\"join-a-group\"[^}]*\"DONE\""));
        String mention = "{\"body\":\"@Lotte Wouters " + run + " %s\"}";

        EventStream stream = EventStream.open(stack.gatewayUrl() + "/api/notifications/stream?ticket="
                + ticket(lotte), null);
        await().atMost(EVENTUALLY).until(() -> stream.text().contains(":connected"));
        call("POST", "/api/community/threads/" + thread + "/posts", mention.formatted("count me in"), organiser, 201);
        await().atMost(EVENTUALLY).until(() -> stream.eventIdOf("MENTION") != null);
        stream.close();
        List<Long> received = stream.eventIds();
        long lastEventId = received.get(received.size() - 1);

        call("POST", "/api/community/threads/" + thread + "/posts", mention.formatted("and bring a friend"),
                organiser, 201);
        await().atMost(EVENTUALLY).until(() -> mentionsIn(lotte) == 2);
        List<Long> missed = seqsAfter(lotte, lastEventId);
        String resume = stack.gatewayUrl() + "/api/notifications/stream?ticket=" + ticket(lotte);
        try (EventStream resumed = EventStream.open(resume, Long.toString(lastEventId))) {
            await().atMost(EVENTUALLY).until(() -> resumed.eventIds().size() >= missed.size());
            Thread.sleep(1_000); // anything sent twice or from before the last id would arrive meanwhile
            assertThat(resumed.eventIds()).isNotEmpty().containsExactlyElementsOf(missed);
            assertThat(resumed.text()).contains("\"kind\":\"MENTION\"");
            // a ticket opens one stream only
            assertThat(client.send(HttpRequest.newBuilder(URI.create(resume)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
        }
    }

    private String ticket(String token) throws Exception {
        return call("POST", "/api/notifications/stream-tickets", null, token, 201).get("ticket").asString();
    }

    /** The sequence numbers of the member's notifications after {@code seq}, oldest first. */
    private List<Long> seqsAfter(String token, long seq) throws Exception {
        List<Long> seqs = new ArrayList<>();
        call("GET", "/api/notifications?size=100", null, token, 200).get("items")
                .forEach(item -> seqs.add(item.get("seq").asLong()));
        return seqs.stream().filter(s -> s > seq).sorted().toList();
    }

    private long mentionsIn(String token) throws Exception {
        return call("GET", "/api/notifications?size=100", null, token, 200).findValuesAsString("kind").stream()
                .filter("MENTION"::equals).count();
    }

    /** A Server-Sent Events connection read in the background, as EventSource reads it. */
    /**
     * Issue 12's account lifecycle: a citizen registers accepting the terms, confirms her address from the
     * verification email, logs in and refreshes her session; she forgets her password, resets it from the email,
     * and the refresh token she held before is refused; an admin suspends her and every service refuses her
     * access token at once, the audit log keeps who did it and why; reinstated, she is accepted again.
     */
    @Test
    @Order(10)
    void citizenVerifiesHerAddressResetsHerPasswordAndIsSuspendedEverywhereByAnAdmin() throws Exception {
        String email = "irena-" + UUID.randomUUID() + "@example.org";
        String memberId = register(email, "krakow", "Irena Nowak").at("/member/id").asString();

        String verification = await().atMost(EVENTUALLY).until(() -> linkToken(email, "Confirm your email address"),
                token -> token != null);
        call("POST", "/api/community/email-verifications/confirmation", "{\"token\":\"" + verification + "\"}",
                null, 204);
        assertThat(send("POST", "/api/community/email-verifications/confirmation",
                "{\"token\":\"" + verification + "\"}", null).statusCode()).as("a link works once").isEqualTo(400);

        JsonNode session = call("POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", null, 200);
        assertThat(session.get("termsAcceptanceRequired").asBoolean()).isFalse();
        assertThat(call("GET", "/api/community/members/me", null, session.get("accessToken").asString(), 200)
                .get("emailVerified").asBoolean()).isTrue();
        JsonNode refreshed = call("POST", "/api/community/auth/refresh",
                "{\"refreshToken\":\"" + session.get("refreshToken").asString() + "\"}", null, 200);
        String heldRefreshToken = refreshed.get("refreshToken").asString();
        assertThat(heldRefreshToken).isNotEqualTo(session.get("refreshToken").asString());

        call("POST", "/api/community/password-resets", "{\"email\":\"" + email + "\"}", null, 202);
        call("POST", "/api/community/password-resets", "{\"email\":\"nobody-" + UUID.randomUUID()
                + "@example.org\"}", null, 202);
        String reset = await().atMost(EVENTUALLY).until(() -> linkToken(email, "Reset your password"),
                token -> token != null);
        call("POST", "/api/community/password-resets/confirmation",
                "{\"token\":\"" + reset + "\",\"password\":\"a new horse battery staple\"}", null, 204);
        assertThat(send("POST", "/api/community/auth/refresh", "{\"refreshToken\":\"" + heldRefreshToken + "\"}",
                null).statusCode()).as("the refresh token from before the reset").isEqualTo(401);
        assertThat(send("POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\"}", null).statusCode())
                .as("the old password").isEqualTo(401);
        String token = logIn(email, "a new horse battery staple");
        List<String> memberRoutes = List.of("/api/community/members/me", "/api/learning/enrollments/me",
                "/api/campaigns/engagement-plans/mine", "/api/notifications");
        for (String route : memberRoutes) {
            assertThat(send("GET", route, null, token).statusCode()).as(route).isNotEqualTo(401);
        }

        String admin = adminToken();
        JsonNode suspended = call("POST", "/api/community/admin/members/" + memberId + "/suspension",
                "{\"reason\":\"Spam in the Kraków group\"}", admin, 200);
        assertThat(suspended.get("status").asString()).isEqualTo("SUSPENDED");
        for (String route : memberRoutes) {
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertThat(send("GET", route, null, token).statusCode()).as(route).isEqualTo(401));
        }
        assertThat(send("POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"a new horse battery staple\"}", null).statusCode())
                .as("a suspended member cannot log in").isEqualTo(403);
        JsonNode audit = call("GET", "/api/community/admin/audit?subject=" + memberId, null, admin, 200);
        assertThat(audit.toString()).contains("Spam in the Kraków group");

        assertThat(call("DELETE", "/api/community/admin/members/" + memberId + "/suspension", null, admin, 200)
                .get("status").asString()).isEqualTo("ACTIVE");
        for (String route : memberRoutes) {
            await().atMost(EVENTUALLY).untilAsserted(() ->
                    assertThat(send("GET", route, null, token).statusCode()).as(route).isNotEqualTo(401));
        }
    }

    /**
     * One trace from the registration request, through MemberJoined on the broker, to the welcome notification: the
     * spans that the services export (as to Jaeger in Compose) share the trace id that the gateway answered with.
     */
    @Test
    @Order(11)
    void oneTraceFollowsARegistrationThroughTheBrokerToItsWelcomeNotification() throws Exception {
        String email = "trace-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> registered = send("POST", "/api/community/members", """
                {"email":"%s","password":"correct horse battery","displayName":"Tracy Trace","city":"lyon",%s}"""
                .formatted(email, consent()), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String traceId = registered.headers().firstValue("traceparent").orElseThrow().split("-")[1];
        String token = json.readTree(registered.body()).get("accessToken").asString();
        await().atMost(EVENTUALLY).untilAsserted(() -> assertThat(
                call("GET", "/api/notifications", null, token, 200).at("/items/0/kind").asString()).isEqualTo("WELCOME"));

        // the gateway's span of the request, community-service's as its child, the outbox relay's send of
        // MemberJoined in it, notification-service's handling of that record (its parent is the send: the trace
        // crossed the broker in the record's headers) and, in that handling, the welcome notification's draft
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<OtlpTraceReceiver.ReceivedSpan> spans = traces.spansOf(traceId);
            OtlpTraceReceiver.ReceivedSpan edge = only(spans, "gateway", "http post");
            OtlpTraceReceiver.ReceivedSpan request = only(spans, "community-service", "http post /api/community/members");
            assertThat(request.parentSpanId()).isEqualTo(edge.spanId());
            OtlpTraceReceiver.ReceivedSpan joined = only(spans, "community-service", MEMBERS_TOPIC + " send");
            assertThat(ancestors(spans, joined)).contains(request.spanId());
            OtlpTraceReceiver.ReceivedSpan handled = only(spans, "notification-service", MEMBERS_TOPIC + " process");
            assertThat(handled.parentSpanId()).isEqualTo(joined.spanId());
            OtlpTraceReceiver.ReceivedSpan draft =
                    only(spans, "notification-service", "nzc.notification.deliveries.v1 send");
            assertThat(draft.parentSpanId()).isEqualTo(handled.spanId());
        });
    }

    private static OtlpTraceReceiver.ReceivedSpan only(List<OtlpTraceReceiver.ReceivedSpan> spans, String service,
            String name) {
        List<OtlpTraceReceiver.ReceivedSpan> named = spans.stream()
                .filter(span -> span.service().equals(service) && span.name().equals(name)).toList();
        assertThat(named).as("%s's span '%s' among %s", service, name, spans).hasSize(1);
        return named.get(0);
    }

    /** The span ids above one span in its trace, nearest first. */
    private static List<String> ancestors(List<OtlpTraceReceiver.ReceivedSpan> spans,
            OtlpTraceReceiver.ReceivedSpan span) {
        Map<String, String> parents = new HashMap<>();
        spans.forEach(each -> parents.put(each.spanId(), each.parentSpanId()));
        List<String> ancestors = new ArrayList<>();
        for (String parent = span.parentSpanId(); parents.containsKey(parent) && !ancestors.contains(parent);
                parent = parents.get(parent)) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    /**
     * Once the journeys ran (calls, joins, onboarding, enrolments, certificates, posts, notifications), every metric
     * the Grafana dashboards query is in some service's scrape: a renamed counter or a dashboard typo fails here.
     */
    @Test
    @Order(100)
    void theDashboardsQueryOnlyMetricsTheServicesExpose() throws Exception {
        Set<String> exposed = new TreeSet<>();
        for (Service service : Service.values()) {
            exposed.addAll(DashboardMetrics.scraped(get(stack.actuatorUrl(service) + "/actuator/prometheus").body()));
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Path dashboard : DashboardMetrics.dashboards(Path.of(System.getProperty("nzc.repo.root", "../..")))) {
            Set<String> names = DashboardMetrics.metricNames(dashboard);
            assertThat(names).as("metrics of %s", dashboard.getFileName()).isNotEmpty();
            names.removeAll(exposed);
            if (!names.isEmpty()) {
                missing.put(dashboard.getFileName().toString(), names);
            }
        }
        assertThat(missing).as("dashboard metrics no service exposes").isEmpty();
    }

    private static final class EventStream implements AutoCloseable {

        private final StringBuffer text = new StringBuffer();
        private final HttpResponse<java.util.stream.Stream<String>> response;

        private EventStream(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(line -> text.append(line).append('\n'));
                }
                catch (RuntimeException closed) {
                    // closed by the test
                }
            }, "e2e-sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(String url, String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.util.stream.Stream<String>> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            return new EventStream(response);
        }

        String text() {
            return text.toString();
        }

        /** The ids of the events received, in order. */
        List<Long> eventIds() {
            return text().lines().filter(line -> line.startsWith("id:"))
                    .map(line -> Long.parseLong(line.substring(3).strip())).toList();
        }

        /** The id of the first event of that kind, or null. */
        Long eventIdOf(String kind) {
            String id = null;
            for (String line : text().lines().toList()) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                }
                else if (line.startsWith("data:") && line.contains("\"kind\":\"" + kind + "\"")) {
                    return Long.parseLong(id);
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private JsonNode register(String email, String city) throws Exception {
        return register(email, city, "Ana Pop");
    }

    private JsonNode register(String email, String city, String displayName) throws Exception {
        return call("POST", "/api/community/members", """
                {"email":"%s","password":"correct horse battery","displayName":"%s","city":"%s",
                 "languages":["ro","en"],"interests":["energy","mobility"],%s}""".formatted(email, displayName, city,
                consent()), null, 201);
    }

    /** How a registration accepts the terms in force, read as the portal reads them, and confirms the minimum age. */
    private String consent() throws Exception {
        return "\"termsVersion\":" + call("GET", "/api/community/terms", null, null, 200).get("version").asInt()
                + ",\"minimumAgeConfirmed\":true";
    }

    private JsonNode call(String method, String path, String body, String token, int expectedStatus) throws Exception {
        HttpResponse<String> response = send(method, path, body, token);
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expectedStatus);
        return json.readTree(response.body().isEmpty() ? "null" : response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return client.send(JsonRequests.of(stack.gatewayUrl() + path, method, body, token),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return json.readTree(new String(java.util.Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    private static double outboxBacklog() throws Exception {
        return get(stack.actuatorUrl(Service.COMMUNITY) + "/actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("nzc_outbox_backlog"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1);
    }

    private static List<ConsumerRecord<String, String>> readMemberEvents(Set<String> memberIds, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(MEMBERS_TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            // read past the expected count for a while so a duplicate would be seen too
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (memberIds.contains(record.key())) {
                        found.add(record);
                    }
                });
                if (found.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return found;
    }

    /** The kinds of notification in the member's inbox, newest first. */
    private List<String> kindsOf(String token) throws Exception {
        return call("GET", "/api/notifications?size=100", null, token, 200).findValuesAsString("kind");
    }

    /** Every email the launcher's local SMTP sink received for the address (raw MIME, GreenMail's REST API). */
    private static String mailsTo(String address) throws Exception {
        HttpResponse<String> mails = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + stack.options().mailWebPort() + "/api/user/" + address + "/messages/INBOX/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return mails.statusCode() == 200 ? mails.body() : "";
    }

    /**
     * The one-time token of the newest email with this subject to the address (the link carries it in its fragment,
     * {@code #token=}), or {@code null} while none arrived. The raw MIME may be quoted-printable, whose soft line
     * breaks (at a place that depends on the gateway's port in the link) are undone first, with or without CR.
     */
    private static String linkToken(String address, String subject) throws Exception {
        String mails = mailsTo(address);
        if (mails.isEmpty()) {
            return null;
        }
        String token = null;
        for (JsonNode mail : json.readTree(mails)) {
            String mime = mail.path("mimeMessage").asString("").replaceAll("=\r?\n", "").replace("=3D", "=");
            var found = java.util.regex.Pattern.compile("#token=([A-Za-z0-9_-]+)").matcher(mime);
            if (mail.path("subject").asString("").contains(subject) && found.find()) {
                token = found.group(1);
            }
        }
        return token;
    }

    private static void republish(List<ConsumerRecord<String, String>> records) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (var record : records) {
                var copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers());
                producer.send(copy).get();
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
