package org.netzerocities.community.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.PostHidden;
import org.netzerocities.events.kafka.IncomingEvent;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

/** The audit log, derived from community-service's own events, read by admins. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AuditLogTest {

    private static final String AUDIT = "/api/community/admin/audit";
    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(20);

    @Autowired
    MockMvc http;
    @Autowired
    AuditLog audit;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    EventHandler<PostHidden> auditPostHidden;

    private CommunityApi api() {
        return new CommunityApi(http);
    }

    @Test
    void aSuspensionAndAReinstatementAreAuditedWithTheAdminAndTheirReasonsNewestFirst() throws Exception {
        Registered ana = api().register("Ana Audited", "cluj-napoca");
        String admin = api().admin();
        String adminId = adminId(admin);

        http.perform(json(post("/api/community/admin/members/{id}/suspension", ana.id()).with(bearer(admin)),
                "{\"reason\":\"spam in three groups\"}")).andExpect(status().isOk());
        http.perform(json(delete("/api/community/admin/members/{id}/suspension", ana.id()).with(bearer(admin)),
                "{\"reason\":\"appeal upheld\"}")).andExpect(status().isOk());

        String log = awaitEntries(admin, 2, "subject", ana.id());
        assertThat(JsonPath.<List<String>>read(log, "$.items[*].action"))
                .containsExactly("MEMBER_REINSTATED", "MEMBER_SUSPENDED");
        assertThat(JsonPath.<List<String>>read(log, "$.items[*].reason"))
                .containsExactly("appeal upheld", "spam in three groups");
        assertThat(JsonPath.<List<String>>read(log, "$.items[*].actor")).containsOnly(adminId);
        assertThat(JsonPath.<List<String>>read(log, "$.items[*].at")).allMatch(at -> !at.isBlank());
    }

    @Test
    void roleGrantsRevocationsAndAnErasureAreAuditedAndReadWithFiltersAndPages() throws Exception {
        Registered ben = api().register("Ben Audited", "malmo");
        String admin = api().admin();
        String adminId = adminId(admin);
        Instant before = Instant.now().minusSeconds(1);
        api().grant(ben.id(), "FACILITATOR", null);
        http.perform(delete("/api/community/members/{id}/roles/FACILITATOR", ben.id()).with(bearer(admin)))
                .andExpect(status().isOk());
        http.perform(delete("/api/community/admin/members/{id}", ben.id()).with(bearer(admin)))
                .andExpect(status().isNoContent());

        String all = awaitEntries(admin, 3, "subject", ben.id());
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].action"))
                .containsExactly("MEMBER_ERASED", "ROLE_REVOKED", "ROLE_GRANTED");
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].actor")).containsOnly(adminId);
        assertThat(JsonPath.<String>read(all, "$.items[2].details.role")).isEqualTo("FACILITATOR");

        String granted = read(admin, "subject", ben.id(), "action", "ROLE_GRANTED");
        assertThat(JsonPath.<Integer>read(granted, "$.total")).isEqualTo(1);
        String byActor = read(admin, "subject", ben.id(), "actor", adminId, "from", before.toString(), "to",
                Instant.now().plusSeconds(60).toString());
        assertThat(JsonPath.<Integer>read(byActor, "$.total")).isEqualTo(3);
        assertThat(JsonPath.<Integer>read(read(admin, "subject", ben.id(), "actor", ben.id()), "$.total")).isZero();
        assertThat(JsonPath.<Integer>read(read(admin, "subject", ben.id(), "from",
                Instant.now().plusSeconds(60).toString()), "$.total")).isZero();
        String secondPage = read(admin, "subject", ben.id(), "size", "1", "page", "1");
        assertThat(JsonPath.<List<String>>read(secondPage, "$.items[*].action")).containsExactly("ROLE_REVOKED");
        assertThat(JsonPath.<Integer>read(secondPage, "$.total")).isEqualTo(3);
    }

    @Test
    void aSelfErasureIsAuditedAsTheMembersOwn() throws Exception {
        Registered cleo = api().register("Cleo Audited", "malmo");
        http.perform(delete("/api/community/members/me").with(bearer(cleo.token()))).andExpect(status().isNoContent());

        String log = awaitEntries(api().admin(), 1, "subject", cleo.id());
        assertThat(JsonPath.<String>read(log, "$.items[0].action")).isEqualTo("MEMBER_ERASED");
        assertThat(JsonPath.<String>read(log, "$.items[0].actor")).isEqualTo(cleo.id());
    }

    @Test
    void aManifestoVersionIsAuditedWithTheAdminWhoPublishedIt() throws Exception {
        String admin = api().admin();
        String body = http.perform(json(post("/api/community/onboarding/manifesto/versions").with(bearer(admin)),
                        "{\"summary\":\"Audited\",\"text\":\"# Manifesto\\n\\nWe keep records.\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(body, "$.version");

        String log = awaitEntries(admin, 1, "subject", "manifesto/" + version);
        assertThat(JsonPath.<String>read(log, "$.items[0].action")).isEqualTo("MANIFESTO_PUBLISHED");
        assertThat(JsonPath.<String>read(log, "$.items[0].actor")).isEqualTo(adminId(admin));
    }

    @Test
    void aTermsVersionIsAuditedWithTheAdminWhoPublishedIt() throws Exception {
        String admin = api().admin();
        String body = http.perform(json(post("/api/community/terms").with(bearer(admin)),
                        "{\"summary\":\"Audited\",\"text\":\"# Terms\\n\\nWe keep records.\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int version = JsonPath.read(body, "$.version");

        String log = awaitEntries(admin, 1, "subject", "terms/" + version);
        assertThat(JsonPath.<String>read(log, "$.items[0].action")).isEqualTo("TERMS_PUBLISHED");
        assertThat(JsonPath.<String>read(log, "$.items[0].actor")).isEqualTo(adminId(admin));
    }

    @Test
    void aHiddenPostIsAuditedOnceHoweverOftenItsEventArrives() throws Exception {
        String author = UUID.randomUUID().toString();
        IncomingEvent hidden = HandlerHarness.deliver(auditPostHidden, "thread-1",
                new PostHidden("post-1", "thread-1", author, "moderator-1", "insults"));
        HandlerHarness.redeliver(auditPostHidden, hidden);

        String log = read(api().admin(), "subject", author);
        assertThat(JsonPath.<Integer>read(log, "$.total")).isEqualTo(1);
        assertThat(JsonPath.<String>read(log, "$.items[0].id")).isEqualTo(hidden.id());
        assertThat(JsonPath.<String>read(log, "$.items[0].actor")).isEqualTo("moderator-1");
        assertThat(JsonPath.<String>read(log, "$.items[0].reason")).isEqualTo("insults");
        assertThat(JsonPath.<Map<String, String>>read(log, "$.items[0].details"))
                .containsEntry("postId", "post-1").containsEntry("threadId", "thread-1");
    }

    @Test
    void theRetentionPurgeRemovesOnlyEntriesFromBeforeTheCutoff() {
        String subject = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant cutoff = now.minus(Duration.ofDays(730));
        audit.append(entry(subject, cutoff.minusSeconds(1)));
        audit.append(entry(subject, cutoff));
        audit.append(entry(subject, now));

        audit.purgeBefore(cutoff);

        List<AuditEntry> left = mongo.find(Query.query(Criteria.where("subject").is(subject)), AuditEntry.class);
        assertThat(left).extracting(AuditEntry::at).containsExactlyInAnyOrder(cutoff, now);
    }

    private static AuditEntry entry(String subject, Instant at) {
        return new AuditEntry(UUID.randomUUID().toString(), at, AuditAction.ROLE_GRANTED, "admin-1", subject, null,
                Map.of("role", "FACILITATOR"));
    }

    private String adminId(String adminToken) throws Exception {
        return JsonPath.read(http.perform(get("/api/community/members/me").with(bearer(adminToken)))
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    private String awaitEntries(String admin, int count, String... params) {
        return await().atMost(RECORDED_WITHIN).until(() -> read(admin, params),
                log -> JsonPath.<Integer>read(log, "$.total") >= count);
    }

    private String read(String admin, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get(AUDIT).with(bearer(admin));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
