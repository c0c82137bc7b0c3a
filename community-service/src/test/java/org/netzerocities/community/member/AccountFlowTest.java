package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.community.CommunityApi.bearer;
import static org.netzerocities.community.CommunityApi.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.CommunityApi;
import org.netzerocities.community.CommunityApi.Registered;
import org.netzerocities.community.directory.Members;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

/**
 * The account emails' links followed as a member would: each link is read where notification-service reads it, on
 * the internal account-security topic, and its token posted to the confirmation route.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class AccountFlowTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    MockMvc http;
    @Autowired
    MemberRepository members;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaConnectionDetails kafka;

    @Test
    void theRegistrationLinkVerifiesTheAddressOnceAndTheContactSaysSo() throws Exception {
        Registered ana = api().register("Ana", "cluj-napoca");
        me(ana.token()).andExpect(jsonPath("$.emailVerified").value(false));

        String token = token(ana.id(), EventCatalog.EMAIL_VERIFICATION_REQUESTED, 1);
        confirmEmail(token).andExpect(status().isNoContent());

        me(ana.token()).andExpect(jsonPath("$.emailVerified").value(true));
        var contacts = events(ana.id(), EventCatalog.COMMUNITY_MEMBER_CONTACTS_TOPIC, null, 2);
        assertThat(contacts.get(1).value()).contains("\"emailVerified\":true");
        confirmEmail(token).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/invalid-link"));
        http.perform(post("/api/community/email-verifications").with(bearer(ana.token())))
                .andExpect(status().isConflict());
    }

    @Test
    void resendingSendsAFreshLinkWithinTheMembersQuota() throws Exception {
        Registered bo = api().register("Bo", "malmo");
        for (int i = 0; i < 5; i++) {
            http.perform(post("/api/community/email-verifications").with(bearer(bo.token())))
                    .andExpect(status().isAccepted());
        }
        http.perform(post("/api/community/email-verifications").with(bearer(bo.token())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        String resent = token(bo.id(), EventCatalog.EMAIL_VERIFICATION_REQUESTED, 6);
        confirmEmail(resent).andExpect(status().isNoContent());
        assertThat(members.findById(bo.id()).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void aResetLinkSetsTheNewPasswordEndsEverySessionAndProvesTheAddress() throws Exception {
        Registered cleo = api().register("Cleo", "malmo");
        http.perform(json(post("/api/community/password-resets"), "{\"email\":\"" + cleo.email().toUpperCase() + "\"}"))
                .andExpect(status().isAccepted()).andExpect(content().string(""));

        String token = token(cleo.id(), EventCatalog.PASSWORD_RESET_REQUESTED, 1);
        http.perform(json(post("/api/community/password-resets/confirmation"),
                "{\"token\":\"" + token + "\",\"password\":\"short\"}")).andExpect(status().isBadRequest());
        resetPassword(token, NEW_PASSWORD).andExpect(status().isNoContent());

        logIn(cleo.email(), CommunityApi.PASSWORD).andExpect(status().isUnauthorized());
        logIn(cleo.email(), NEW_PASSWORD).andExpect(status().isOk());
        Member member = members.findById(cleo.id()).orElseThrow();
        assertThat(member.sessionsValidAfter()).isNotNull();
        assertThat(member.emailVerified()).isTrue();
        assertThat(events(cleo.id(), EventCatalog.COMMUNITY_ACCOUNT_SECURITY_TOPIC,
                EventCatalog.PASSWORD_CHANGED, 1)).hasSize(1);
        resetPassword(token, "yet another passphrase").andExpect(status().isBadRequest());
        logIn(cleo.email(), NEW_PASSWORD).andExpect(status().isOk());
    }

    @Test
    void aResetRequestAnswersAlikeForUnknownAddressesAndBeyondTheQuotaSendsNothing() throws Exception {
        Registered dan = api().register("Dan", "malmo");
        Registered sentinel = api().register("Eve", "malmo");
        String unknown = CommunityApi.uniqueEmail("nobody");
        for (String email : List.of(unknown, dan.email(), dan.email(), dan.email(), dan.email(), sentinel.email())) {
            http.perform(json(post("/api/community/password-resets"), "{\"email\":\"" + email + "\"}"))
                    .andExpect(status().isAccepted()).andExpect(content().string(""));
        }

        // requests are handled in order: once the last one's link is out, every earlier one was handled
        token(sentinel.id(), EventCatalog.PASSWORD_RESET_REQUESTED, 1);
        assertThat(resetLinksTo(unknown)).isZero();
        assertThat(resetLinksTo(dan.email())).as("three per address and hour").isEqualTo(3);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() throws Exception {
        Registered fay = api().register("Fay", "malmo");
        changePassword(fay.token(), "not my password", NEW_PASSWORD).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/wrong-password"));
        assertThat(members.findById(fay.id()).orElseThrow().sessionsValidAfter()).isNull();

        changePassword(fay.token(), CommunityApi.PASSWORD, NEW_PASSWORD).andExpect(status().isNoContent());

        logIn(fay.email(), CommunityApi.PASSWORD).andExpect(status().isUnauthorized());
        logIn(fay.email(), NEW_PASSWORD).andExpect(status().isOk());
        assertThat(members.findById(fay.id()).orElseThrow().sessionsValidAfter()).isNotNull();
        assertThat(events(fay.id(), EventCatalog.COMMUNITY_ACCOUNT_SECURITY_TOPIC,
                EventCatalog.PASSWORD_CHANGED, 1)).hasSize(1);
    }

    @Test
    void wrongCurrentPasswordsCountAsFailedLogIns() throws Exception {
        Registered gus = api().register("Gus", "malmo");
        for (int i = 0; i < 5; i++) {
            changePassword(gus.token(), "guess " + i, NEW_PASSWORD).andExpect(status().isForbidden());
        }
        changePassword(gus.token(), CommunityApi.PASSWORD, NEW_PASSWORD).andExpect(status().isTooManyRequests());
        logIn(gus.email(), CommunityApi.PASSWORD).andExpect(status().isTooManyRequests());
    }

    @Test
    void aNewAddressReplacesTheOldOneOnceItsLinkIsFollowedAndTheOldOneIsTold() throws Exception {
        Registered hal = api().register("Hal", "malmo");
        String newEmail = CommunityApi.uniqueEmail("hal-new");
        String tag = Members.tag();
        String listing = listed(hal, tag);
        requestEmailChange(hal.token(), newEmail.toUpperCase(), CommunityApi.PASSWORD).andExpect(status().isAccepted());
        me(hal.token()).andExpect(jsonPath("$.email").value(hal.email()));

        var requested = events(hal.id(), EventCatalog.COMMUNITY_ACCOUNT_SECURITY_TOPIC,
                EventCatalog.EMAIL_CHANGE_REQUESTED, 1).get(0);
        assertThat(requested.value()).contains("\"newEmail\":\"" + newEmail + "\"");
        confirmEmail(tokenOf(requested)).andExpect(status().isNoContent());

        me(hal.token()).andExpect(jsonPath("$.email").value(newEmail)).andExpect(jsonPath("$.emailVerified").value(true));
        logIn(newEmail, CommunityApi.PASSWORD).andExpect(status().isOk());
        logIn(hal.email(), CommunityApi.PASSWORD).andExpect(status().isUnauthorized());
        assertThat(events(hal.id(), EventCatalog.COMMUNITY_ACCOUNT_SECURITY_TOPIC, EventCatalog.EMAIL_CHANGED, 1)
                .get(0).value()).contains("\"previousEmail\":\"" + hal.email() + "\"");
        assertThat(listed(hal, tag)).as("the directory shows nothing that depends on the address").isEqualTo(listing)
                .doesNotContain("@example.org");
    }

    @Test
    void anEmailChangeNeedsThePasswordAndAnAddressNoAccountHas() throws Exception {
        Registered ida = api().register("Ida", "malmo");
        Registered taken = api().register("Jo", "malmo");

        requestEmailChange(ida.token(), CommunityApi.uniqueEmail("x"), "not my password")
                .andExpect(status().isForbidden());
        requestEmailChange(ida.token(), taken.email(), CommunityApi.PASSWORD).andExpect(status().isConflict());
        requestEmailChange(ida.token(), ida.email(), CommunityApi.PASSWORD).andExpect(status().isBadRequest());
    }

    @Test
    void anAddressTakenBeforeTheLinkIsFollowedIsAConflictAndChangesNothing() throws Exception {
        Registered kai = api().register("Kai", "malmo");
        String wanted = CommunityApi.uniqueEmail("wanted");
        requestEmailChange(kai.token(), wanted, CommunityApi.PASSWORD).andExpect(status().isAccepted());
        String token = token(kai.id(), EventCatalog.EMAIL_CHANGE_REQUESTED, 1);
        http.perform(json(post("/api/community/members"), """
                {"email":"%s","password":"%s","displayName":"Lea","city":"malmo",
                 "termsVersion":1,"minimumAgeConfirmed":true}""".formatted(wanted,
                CommunityApi.PASSWORD))).andExpect(status().isCreated());

        confirmEmail(token).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://netzerocities.eu/problems/email-taken"));

        Member member = members.findById(kai.id()).orElseThrow();
        assertThat(member.email()).isEqualTo(kai.email());
        assertThat(member.emailVerified()).isFalse();
    }

    @Test
    void aLinkOfAnotherPurposeOrAForgedOneIsRefused() throws Exception {
        Registered max = api().register("Max", "malmo");
        String verification = token(max.id(), EventCatalog.EMAIL_VERIFICATION_REQUESTED, 1);

        resetPassword(verification, NEW_PASSWORD).andExpect(status().isBadRequest());
        confirmEmail(UUID.randomUUID().toString().repeat(2).substring(0, 43)).andExpect(status().isBadRequest());
        logIn(max.email(), CommunityApi.PASSWORD).andExpect(status().isOk());
        confirmEmail(verification).andExpect(status().isNoContent());
    }

    @Test
    void anErasedMemberLeavesNoLinkBehind() throws Exception {
        Registered nia = api().register("Nia", "malmo");
        String verification = token(nia.id(), EventCatalog.EMAIL_VERIFICATION_REQUESTED, 1);
        assertThat(linksOf(nia.id())).isOne();

        http.perform(delete("/api/community/members/me").with(bearer(nia.token()))).andExpect(status().isNoContent());

        assertThat(linksOf(nia.id())).as("they hold the member's address").isZero();
        confirmEmail(verification).andExpect(status().isBadRequest());
    }

    /** Lists the member in the directory and returns their entry as another member sees it. */
    private String listed(Registered member, String tag) throws Exception {
        new Members(http).listed(new Members.Registered(member.id(), member.token()), tag);
        String reader = api().register("Reader", "malmo").token();
        String body = http.perform(get("/api/community/members").param("q", tag).with(bearer(reader)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Object> entries = JsonPath.read(body, "$.items[*]");
        assertThat(entries).hasSize(1);
        return entries.get(0).toString();
    }

    private long linksOf(String memberId) {
        return mongo.count(Query.query(Criteria.where("memberId").is(memberId)), OneTimeLinks.StoredLink.class);
    }

    private long resetLinksTo(String email) {
        return mongo.count(Query.query(Criteria.where("email").is(email).and("purpose")
                .is(OneTimeLinks.Purpose.PASSWORD_RESET)), OneTimeLinks.StoredLink.class);
    }

    private ResultActions me(String token) throws Exception {
        return http.perform(get("/api/community/members/me").with(bearer(token))).andExpect(status().isOk());
    }

    private ResultActions confirmEmail(String token) throws Exception {
        return http.perform(json(post("/api/community/email-verifications/confirmation"),
                "{\"token\":\"" + token + "\"}"));
    }

    private ResultActions resetPassword(String token, String password) throws Exception {
        return http.perform(json(post("/api/community/password-resets/confirmation"),
                "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}"));
    }

    private ResultActions changePassword(String token, String current, String next) throws Exception {
        return http.perform(json(put("/api/community/members/me/password"),
                "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}").with(bearer(token)));
    }

    private ResultActions requestEmailChange(String token, String newEmail, String password) throws Exception {
        return http.perform(json(post("/api/community/members/me/email-change"),
                "{\"newEmail\":\"" + newEmail + "\",\"password\":\"" + password + "\"}").with(bearer(token)));
    }

    private ResultActions logIn(String email, String password) throws Exception {
        return http.perform(json(post("/api/community/auth/token"),
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
    }

    /** The token of the {@code count}-th link of this type sent to the member. */
    private String token(String memberId, EventType<?> type, int count) {
        var sent = events(memberId, EventCatalog.COMMUNITY_ACCOUNT_SECURITY_TOPIC, type, count);
        assertThat(sent).hasSize(count);
        return tokenOf(sent.get(count - 1));
    }

    private static String tokenOf(ConsumerRecord<String, String> event) {
        String link = JsonPath.read(event.value(), "$.link");
        assertThat(link).startsWith("http://localhost:8080/");
        return link.substring(link.indexOf("#token=") + "#token=".length());
    }

    private List<ConsumerRecord<String, String>> events(String memberId, String topic, EventType<?> type,
            int count) {
        return TopicReader.read(String.join(",", kafka.getBootstrapServers()), topic,
                r -> memberId.equals(r.key())
                        && (type == null || type.type().equals(TopicReader.header(r, "ce_type"))),
                count, Duration.ofSeconds(20));
    }

    private CommunityApi api() {
        return new CommunityApi(http);
    }
}
