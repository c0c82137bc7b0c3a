package org.netzerocities.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import com.mongodb.client.MongoClients;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile-input corpus ({@code hostile-corpus.json}, its format described in its {@code about}): forged tokens
 * on every route, path traversal in every id, broken and oversized bodies, operator injection, script in every
 * text field, bad page sizes, dates, time zones and enum values, and members reaching for each other's things, all
 * sent through the gateway to the running platform (the run's shared one). Each case is refused with a 4xx problem
 * and changes nothing, or (script in text) is stored and served back as inert JSON text; never a 5xx.
 */
@ExtendWith(SharedPlatform.class)
class HostileInputCorpusE2ETest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern MACRO = Pattern.compile("\\$\\{(repeat|hex):([^}]*)}");
    private static final String PASSWORD = "correct horse battery";

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();
    /**
     * Tokens of the fixture's members and the ids of what they own, and the version of the terms in force that a
     * registration accepts ({@code terms}), by the corpus's placeholder names.
     */
    private static final Map<String, String> fixture = new HashMap<>();

    private static LocalStack stack;
    private static Document signingKey;

    /**
     * Member a (a frontrunner of Lisbon and a facilitator) owns a group with a thread, a pin, an event, a
     * collaboration request, a cohort, a campaign of Lisbon's channel (on whose leadership team the admin put
     * her) with a post, and an engagement plan; member b is enrolled in a's cohort, has handed in homework and
     * asked a question.
     */
    @BeforeAll
    static void fixture(LocalStack shared) throws Exception {
        stack = shared;
        String run = UUID.randomUUID().toString().substring(0, 8);
        fixture.put("run", run);
        fixture.put("terms", String.valueOf(call("GET", "/api/community/terms", null, null, 200).get("version").asInt()));
        String admin = logIn("admin@nzc.local", "change-me-now");
        fixture.put("admin", admin);
        String emailA = "corpus-a-" + run + "@example.org";
        fixture.put("memberA", register(emailA, "Ana Corpus").at("/member/id").asString());
        JsonNode b = register("corpus-b-" + run + "@example.org", "Bea Corpus");
        fixture.put("memberB", b.at("/member/id").asString());
        String tokenB = b.get("accessToken").asString();
        fixture.put("b", tokenB);
        for (String role : new String[] { "FRONTRUNNER", "FACILITATOR" }) {
            call("POST", "/api/community/members/" + fixture.get("memberA") + "/roles",
                    "{\"role\":\"" + role + "\"}", admin, 200);
        }
        String a = logIn(emailA, PASSWORD);
        fixture.put("a", a);

        fixture.put("group", call("POST", "/api/community/groups", """
                {"kind":"TOPIC","topic":"energy","city":"lisbon","name":"Corpus %s","visibility":"PUBLIC"}"""
                .formatted(run), a, 201).get("id").asString());
        JsonNode started = call("POST", "/api/community/groups/" + fixture.get("group") + "/threads",
                "{\"title\":\"Corpus thread\",\"body\":\"hello\"}", a, 201);
        fixture.put("thread", started.at("/thread/id").asString());
        fixture.put("post", started.at("/firstPost/id").asString());
        fixture.put("pin", call("POST", "/api/community/pins",
                "{\"kind\":\"RESOURCE\",\"title\":\"Corpus pin\",\"url\":\"https://example.org/corpus-" + run + "\"}",
                a, 201).get("id").asString());
        LocalDateTime start = LocalDateTime.now().plusDays(10).withNano(0);
        fixture.put("event", call("POST", "/api/community/events", """
                {"title":"Corpus event","format":"ONLINE","city":"lisbon","onlineUrl":"https://meet.example.org/corpus",
                 "startsAt":"%s","endsAt":"%s","timeZone":"Europe/Lisbon","capacity":5,"language":"pt",
                 "topics":["energy"]}""".formatted(start, start.plusHours(2)), a, 201).get("id").asString());
        fixture.put("collab", call("POST", "/api/community/collaboration-requests",
                "{\"topic\":\"Solar\",\"idea\":\"Roofs\",\"contribution\":\"VOLUNTEERING\"}", a, 201)
                .get("id").asString());

        // the other services know the members once their MemberJoined arrived
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            call("GET", "/api/learning/learners/me", null, a, 200);
            call("GET", "/api/learning/learners/me", null, tokenB, 200);
            call("GET", "/api/campaigns/audience/me", null, a, 200);
        });
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        fixture.put("cohort", call("POST", "/api/learning/cohorts", """
                {"name":"Corpus %s","language":"pt","startsOn":"%s","endsOn":"%s","capacity":20,
                 "discussionLink":"https://meet.example.org/corpus"}""".formatted(run, today.plusDays(1),
                today.plusDays(60)), a, 201).get("cohortId").asString());
        call("POST", "/api/learning/cohorts/" + fixture.get("cohort") + "/publication", null, a, 200);
        fixture.put("enrollment", call("POST", "/api/learning/cohorts/" + fixture.get("cohort") + "/enrollments",
                null, tokenB, 201).get("enrollmentId").asString());
        JsonNode module = call("GET", "/api/learning/program", null, null, 200).at("/modules/0");
        fixture.put("module", module.get("moduleId").asString());
        fixture.put("unit", module.at("/units/0/unitId").asString());
        String unitPath = "/api/learning/enrollments/" + fixture.get("enrollment") + "/units/" + fixture.get("unit");
        call("POST", unitPath + "/completion", null, tokenB, 200);
        fixture.put("homework", call("POST", unitPath + "/homework", "{\"text\":\"Corpus homework\"}", tokenB, 201)
                .get("submissionId").asString());
        fixture.put("question", call("POST", "/api/learning/enrollments/" + fixture.get("enrollment") + "/questions",
                "{\"text\":\"Corpus question?\"}", tokenB, 201).get("questionId").asString());

        fixture.put("channel", lisbonChannel(admin));
        call("POST", "/api/campaigns/channels/" + fixture.get("channel") + "/team",
                "{\"memberId\":\"" + fixture.get("memberA") + "\",\"role\":\"LEADERSHIP_TEAM\"}", admin, 200);
        Instant now = Instant.now();
        fixture.put("campaign", call("POST", "/api/campaigns/campaigns", """
                {"channelId":"%s","kind":"CALL_TO_ACTION","title":"Corpus","audience":["CITIZENS"],
                 "pillar":"EXPANDING_MOVEMENT","subTheme":"TAKE_ACTION","startsAt":"%s","endsAt":"%s",
                 "callToAction":{"activity":"Corpus","deadline":"%s","questions":[{"id":"q","text":"Q?","required":true}]}}"""
                .formatted(fixture.get("channel"), now, now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(20))),
                a, 201).get("id").asString());
        fixture.put("cpost", call("POST", "/api/campaigns/campaigns/" + fixture.get("campaign") + "/posts",
                "{\"caption\":\"Corpus\",\"mediaKind\":\"IMAGE\",\"mediaUrls\":[\"https://media.example.org/c.jpg\"]}",
                a, 201).get("id").asString());
        // her FRONTRUNNER grant reaches campaign-service through Kafka
        JsonNode plan = await().atMost(EVENTUALLY).ignoreExceptions().until(() -> call("POST",
                "/api/campaigns/engagement-plans", "{\"title\":\"Corpus plan\",\"actions\":[{\"title\":\"Act\",\"dueOn\":\""
                        + today.plusDays(9) + "\"}]}", a, 201), node -> node != null);
        fixture.put("plan", plan.get("id").asString());
        fixture.put("action", plan.at("/actions/0/id").asString());
        fixture.put("notification", await().atMost(EVENTUALLY).ignoreExceptions().until(() -> call("GET",
                "/api/notifications", null, a, 200).at("/items/0/id").asString(), id -> !id.isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedOrInertAndChangesNothing() throws IOException {
        JsonNode cases;
        try (InputStream corpus = getClass().getResourceAsStream("/hostile-corpus.json")) {
            cases = json.readTree(corpus).get("cases");
        }
        return StreamSupport.stream(cases.spliterator(), false)
                .map(hostile -> DynamicTest.dynamicTest(hostile.get("name").asString(), () -> check(hostile)));
    }

    private static void check(JsonNode hostile) throws Exception {
        String before = readBack(hostile);
        HttpResponse<String> response = send(hostile);
        String after = readBack(hostile);
        try {
            String expect = hostile.path("expect").asString("4xx");
            String type = response.headers().firstValue("Content-Type").orElse("");
            String answer = hostile.get("name").asString() + " -> " + response.statusCode() + " " + type + " "
                    + abbreviated(response.body());
            switch (expect) {
                case "stored" -> {
                    assertThat(response.statusCode()).as(answer).isLessThan(500);
                    if (response.statusCode() >= 400) {
                        assertThat(type).as(answer).startsWith("application/problem+json");
                    }
                    else {
                        assertInert(hostile, response, type, answer);
                    }
                }
                case "harmless" -> {
                    assertThat(response.statusCode()).as(answer).isLessThan(500);
                    if (!response.body().isEmpty()) {
                        assertThat(type).as(answer).containsIgnoringCase("json");
                    }
                }
                default -> {
                    if (expect.equals("4xx")) {
                        assertThat(response.statusCode()).as(answer).isBetween(400, 499);
                    }
                    else {
                        assertThat(response.statusCode()).as(answer).isEqualTo(Integer.parseInt(expect));
                    }
                    assertThat(type).as(answer).startsWith("application/problem+json");
                }
            }
            assertThat(after).as("%s: what %s reads back", hostile.get("name").asString(),
                    hostile.path("unchanged").asString()).isEqualTo(before);
        }
        catch (AssertionError wrong) {
            // the behaviour another part of issue 11 brings: reported, not failed, until it is merged
            Assumptions.assumeTrue(hostile.path("pending").isMissingNode(), () -> "pending "
                    + hostile.get("pending").asString() + "; now: " + wrong.getMessage());
            throw wrong;
        }
    }

    /** Stored text comes back as JSON the browser will not sniff into HTML, stripped where it is rendered. */
    private static void assertInert(JsonNode hostile, HttpResponse<String> response, String type, String answer) {
        if (!response.body().isEmpty()) {
            assertThat(type).as(answer).startsWith("application/json");
        }
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(answer).hasValue("nosniff");
        String text = hostile.has("at") ? json.readTree(response.body()).at(hostile.get("at").asString()).asString()
                : response.body();
        for (JsonNode lack : hostile.path("lacks")) {
            assertThat(text.toLowerCase(java.util.Locale.ROOT)).as(answer).doesNotContain(lack.asString());
        }
    }

    /** The owner's view of what the case must not change, or null when the case names none. */
    private static String readBack(JsonNode hostile) throws Exception {
        if (!hostile.has("unchanged")) {
            return null;
        }
        String[] request = hostile.get("unchanged").asString().split(" ", 2);
        HttpResponse<String> response = send(request[0], fill(request[1]), null, null,
                fixture.get(hostile.path("unchangedAs").asString("a")), Map.of());
        return response.statusCode() + " " + response.body();
    }

    private static HttpResponse<String> send(JsonNode hostile) throws Exception {
        byte[] body = null;
        if (hostile.has("raw")) {
            body = expand(fill(hostile.get("raw").asString()));
        }
        else if (hostile.has("body")) {
            body = fill(json.writeValueAsString(hostile.get("body"))).getBytes(StandardCharsets.UTF_8);
        }
        String token = hostile.has("token") ? forged(hostile.get("token").asString())
                : fixture.get(hostile.path("as").asString("none"));
        Map<String, String> headers = new HashMap<>();
        hostile.path("headers").properties().forEach(header -> headers.put(header.getKey(),
                fill(header.getValue().asString())));
        return send(hostile.get("method").asString(), fill(hostile.get("path").asString()), body,
                hostile.path("contentType").asString("application/json"), token, headers);
    }

    private static HttpResponse<String> send(String method, String path, byte[] body, String contentType,
            String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The corpus's placeholders replaced by the fixture's values. */
    private static String fill(String text) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        return placeholder.replaceAll(match -> Matcher.quoteReplacement(
                fixture.getOrDefault(match.group(1), match.group())));
    }

    /** The body's bytes, with {@code ${repeat:UNIT:N}} and {@code ${hex:HEX}} expanded. */
    private static byte[] expand(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Matcher macro = MACRO.matcher(raw);
        int from = 0;
        while (macro.find()) {
            bytes.writeBytes(raw.substring(from, macro.start()).getBytes(StandardCharsets.UTF_8));
            if (macro.group(1).equals("hex")) {
                bytes.writeBytes(HexFormat.of().parseHex(macro.group(2)));
            }
            else {
                int times = macro.group(2).lastIndexOf(':');
                bytes.writeBytes(macro.group(2).substring(0, times)
                        .repeat(Integer.parseInt(macro.group(2).substring(times + 1))).getBytes(StandardCharsets.UTF_8));
            }
            from = macro.end();
        }
        bytes.writeBytes(raw.substring(from).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /**
     * A token the gateway must refuse, made from member a's: unsigned, signed by nobody (b's signature), with
     * claims changed after signing, signed with the issuer's real key but expired, not yet valid or from another
     * issuer, HMAC-signed with the issuer's public keys as the secret, or not a token at all.
     */
    private static String forged(String kind) throws Exception {
        String[] parts = fixture.get("a").split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        long now = Instant.now().getEpochSecond();
        return switch (kind) {
            case "alg-none" -> base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
            case "wrong-signature" -> parts[0] + "." + parts[1] + "." + fixture.get("b").split("\\.")[2];
            case "forged-admin" -> {
                claims.putArray("roles").add("MEMBER").add("ADMIN");
                yield parts[0] + "." + base64(claims.toString()) + "." + parts[2];
            }
            case "expired" -> signed(claims.put("iat", now - 7200).put("exp", now - 3600));
            case "not-yet-valid" -> signed(claims.put("nbf", now + 3600).put("exp", now + 7200));
            case "wrong-issuer" -> signed(claims.put("iss", "https://issuer.example.org"));
            case "hs256-public-key" -> {
                String unsigned = base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + parts[1];
                Mac mac = Mac.getInstance("HmacSHA256");
                byte[] publicKeys = send("GET", "/api/community/.well-known/jwks.json", null, null, null, Map.of())
                        .body().getBytes(StandardCharsets.UTF_8);
                mac.init(new SecretKeySpec(publicKeys, "HmacSHA256"));
                yield unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                        mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
            }
            case "garbage" -> "not.a.token";
            default -> throw new IllegalArgumentException("Unknown forged token " + kind);
        };
    }

    /** RS256 with community-service's own signing key, read from its database as a thief of it would. */
    private static String signed(ObjectNode claims) throws Exception {
        if (signingKey == null) {
            try (var mongo = MongoClients.create(stack.mongoUri())) {
                signingKey = mongo.getDatabase("nzc-community").getCollection("signing_keys").find().first();
            }
        }
        Document key = signingKey;
        String unsigned = base64("{\"alg\":\"RS256\",\"kid\":\"" + key.getString("keyId") + "\"}") + "."
                + base64(claims.toString());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign((RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.getString("privateKey")))));
        rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
        return unsigned + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** Lisbon's channel: opened by the first run on this platform, found by the next. */
    private static String lisbonChannel(String admin) throws Exception {
        Iterator<JsonNode> channels = call("GET", "/api/campaigns/channels?size=100", null, null, 200).get("items")
                .iterator();
        while (channels.hasNext()) {
            JsonNode channel = channels.next();
            if ("lisbon".equals(channel.path("city").asString(""))) {
                return channel.get("channelId").asString();
            }
        }
        return call("POST", "/api/campaigns/channels",
                "{\"city\":\"lisbon\",\"language\":\"pt\",\"instagramAccountId\":\"17841400000000777\"}", admin, 201)
                .get("channelId").asString();
    }

    private static JsonNode register(String email, String displayName) throws Exception {
        return call("POST", "/api/community/members", """
                {"email":"%s","password":"%s","displayName":"%s","city":"lisbon","languages":["pt"],
                 "interests":["energy"],"termsVersion":%s,"minimumAgeConfirmed":true}""".formatted(email, PASSWORD,
                displayName, fixture.get("terms")), null, 201);
    }

    private static String logIn(String email, String password) throws Exception {
        return call("POST", "/api/community/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null, 200).get("accessToken").asString();
    }

    private static JsonNode call(String method, String path, String body, String token, int expected) throws Exception {
        HttpResponse<String> response = send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                "application/json", token, Map.of());
        assertThat(response.statusCode()).as(method + " " + path + " -> " + response.body()).isEqualTo(expected);
        return json.readTree(response.body().isEmpty() ? "null" : response.body());
    }
}
