package org.netzerocities.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.netzerocities.testsupport.MemberTokens.asMember;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netzerocities.events.consumer.DeliveryLog;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.EmailChangeRequested;
import org.netzerocities.events.contract.community.EmailChanged;
import org.netzerocities.events.contract.community.EmailVerificationRequested;
import org.netzerocities.events.contract.community.PasswordChanged;
import org.netzerocities.events.contract.community.PasswordResetRequested;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.netzerocities.testsupport.TestEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import tools.jackson.databind.json.JsonMapper;

/** Email requests and account-security events from the real broker to GreenMail, as members receive them. */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
@ExtendWith(OutputCaptureExtension.class)
class EmailChannelTest extends ConsumingServiceTest {

    @RegisterExtension
    static final GreenMailExtension smtp = EmailTestSmtp.server();

    @Autowired
    MemberContactRepository contacts;
    @Autowired
    JsonMapper json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DeliveryLog deliveries;
    @Autowired
    FailingAddresses failing;

    @Test
    void aFrenchMemberGetsAFrenchEmailWithTextAndHtmlPartsAndOneClickUnsubscribeHeaders() throws Exception {
        String memberId = member("fr", "Zoé <b>");
        request(memberId, "/groups/g-1?post=p-1");

        MimeMessage mail = receivedBy(address(memberId)).get(0);
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(parts.getBodyPart(1).isMimeType("text/html")).isTrue();
        String text = (String) parts.getBodyPart(0).getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(text).contains("Bonjour Zoé <b>,", "Ne plus recevoir les e-mails de la catégorie communauté",
                "http://localhost:8080/groups/g-1?post=p-1");
        assertThat(html).contains("Bonjour Zoé &lt;b&gt;,", "lang=\"fr\"",
                "href=\"http://localhost:8080/groups/g-1?post=p-1\"").doesNotContain("Zoé <b>");
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .startsWith("<http://localhost:8080/api/notifications/unsubscribe?token=").endsWith(">");
        assertThat(mail.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
    }

    @Test
    void aMemberOfAnUntranslatedLanguageGetsTheEmailInEnglish() throws Exception {
        String memberId = member("xx", null);
        request(memberId, null);

        MimeMessage mail = receivedBy(address(memberId)).get(0);
        assertThat(mail.getSubject()).isEqualTo("Welcome to NetZeroCommunities");
        String text = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
        assertThat(text).startsWith("Hello,").contains("Unsubscribe from community emails");
    }

    @Test
    void postingTheUnsubscribeLinkAsAMailClientDoesTurnsThatCategorysEmailOffWithoutLogin() throws Exception {
        String memberId = member("en", "Ana");
        request(memberId, null);
        String header = receivedBy(address(memberId)).get(0).getHeader("List-Unsubscribe")[0];
        String token = header.substring(header.indexOf("token=") + "token=".length(), header.length() - 1);

        http.perform(post("/api/notifications/unsubscribe").param("token", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.category").value("COMMUNITY"));

        http.perform(get("/api/notifications/preferences").with(asMember(memberId)))
                .andExpect(jsonPath("$.categories.COMMUNITY.email").value("OFF"))
                .andExpect(jsonPath("$.categories.EVENTS.email").value("IMMEDIATE"));
    }

    @Test
    void aReplayedEmailRequestSendsOneEmail() throws Exception {
        double sent = meters.counter("nzc.notifications.emails.sent", "kind", "WELCOME").count();
        String memberId = member("en", null);
        EmailRequest once = request(memberId, null);
        produce(once);
        EmailRequest later = request(memberId, "/later");

        await().atMost(CONSUMED_WITHIN).until(() -> deliveries.state(later.id()) == DeliveryLog.State.SENT);
        assertThat(receivedBy(address(memberId))).hasSize(2);
        assertThat(deliveries.state(once.id())).isEqualTo(DeliveryLog.State.SENT);
        // at least: emails of other test classes, waiting for an SMTP server, may be sent meanwhile
        assertThat(meters.counter("nzc.notifications.emails.sent", "kind", "WELCOME").count())
                .isGreaterThanOrEqualTo(sent + 2);
    }

    @Test
    void anEmailTheServerCouldNotTakeIsSentOnceItIsBack() throws Exception {
        String memberId = member("en", null);
        smtp.stop();
        EmailRequest request;
        try {
            request = request(memberId, null);
            await().atMost(CONSUMED_WITHIN).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(request.id())
                    .and("reason").is("SMTP_TRANSIENT")), EmailRetries.COLLECTION));
            assertThat(deliveries.state(request.id())).isEqualTo(DeliveryLog.State.FAILED);
        }
        finally {
            smtp.start();
        }

        assertThat(receivedBy(address(memberId))).hasSize(1);
        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.exists(
                Query.query(Criteria.where("_id").is(request.id())), EmailRetries.COLLECTION));
        assertThat(deliveries.state(request.id())).isEqualTo(DeliveryLog.State.SENT);
    }

    @Test
    void anEmailWaitsForItsMembersContactAndIsSentWhenItArrives() throws Exception {
        String memberId = UUID.randomUUID().toString();
        EmailRequest request = request(memberId, null);
        await().atMost(CONSUMED_WITHIN).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(request.id())
                .and("reason").is("CONTACT_MISSING")), EmailRetries.COLLECTION));

        contacts.save(contact(memberId, address(memberId), "en", null));

        assertThat(receivedBy(address(memberId))).hasSize(1);
        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.exists(
                Query.query(Criteria.where("_id").is(request.id())), EmailRetries.COLLECTION));
    }

    @Test
    void anEmailWhoseContactNeverArrivesIsAbandonedWithoutItsContentAndForgottenWithTheMember() {
        String memberId = UUID.randomUUID().toString();
        EmailRequest request = request(memberId, null);
        Query byId = Query.query(Criteria.where("_id").is(request.id()));
        await().atMost(CONSUMED_WITHIN).until(() -> mongo.exists(byId, EmailRetries.COLLECTION));

        mongo.updateFirst(byId, new org.springframework.data.mongodb.core.query.Update()
                .set("giveUpAt", Instant.now().minusSeconds(1)), EmailRetries.COLLECTION);

        await().atMost(CONSUMED_WITHIN).until(() -> "ABANDONED".equals(
                mongo.findOne(byId, Document.class, EmailRetries.COLLECTION).getString("state")));
        assertThat(mongo.findOne(byId, Document.class, EmailRetries.COLLECTION))
                .doesNotContainKey("request").containsEntry("reason", "CONTACT_MISSING");
        erase(memberId, "lyon");
        await().atMost(CONSUMED_WITHIN).until(() -> !mongo.exists(byId, EmailRetries.COLLECTION));
    }

    @Test
    void anInvalidAddressIsMarkedAndSkippedUntilTheMemberChangesIt() throws Exception {
        String memberId = UUID.randomUUID().toString();
        String invalid = "not an address " + memberId;
        contacts.save(contact(memberId, invalid, "en", null));
        EmailRequest first = request(memberId, null);
        await().atMost(CONSUMED_WITHIN).until(() -> failing.isMarked(invalid));
        assertThat(mongo.findAll(Document.class, FailingAddresses.COLLECTION))
                .noneMatch(mark -> mark.toJson().contains(memberId));

        contacts.save(contact(memberId, address(memberId), "en", null));
        request(memberId, null);

        assertThat(receivedBy(address(memberId))).hasSize(1);
        assertThat(deliveries.state(first.id())).isNotEqualTo(DeliveryLog.State.SENT);
    }

    @Test
    void anEmailChangeIsConfirmedAtTheNewAddressAndAnnouncedToThePreviousOneWithTheLinkOnlyInTheEmail(
            CapturedOutput output) throws Exception {
        String memberId = member("de", "Jonas");
        String newAddress = "new-" + address(memberId);
        String link = "https://portal.example/account/confirm-email?code=" + UUID.randomUUID();
        Instant now = Instant.now();
        send(TestEvents.event(codec, EventCatalog.EMAIL_CHANGE_REQUESTED, memberId,
                new EmailChangeRequested(memberId, newAddress, link, now, now.plus(1, ChronoUnit.HOURS))));
        send(TestEvents.event(codec, EventCatalog.EMAIL_CHANGED, memberId,
                new EmailChanged(memberId, address(memberId), now)));

        MimeMessage confirmation = receivedBy(newAddress).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Bestätigen Sie Ihre neue E-Mail-Adresse");
        assertThat(((MimeMultipart) confirmation.getContent()).getBodyPart(0).getContent().toString()).contains(link);
        assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();
        MimeMessage notice = receivedBy(address(memberId)).get(0);
        assertThat(notice.getSubject()).isEqualTo("Ihre E-Mail-Adresse wurde geändert");
        assertThat(notice.getHeader("List-Unsubscribe")).isNull();

        assertThat(mongo.count(Query.query(Criteria.where("memberId").is(memberId)), "notifications")).isZero();
        for (String collection : mongo.getCollectionNames()) {
            assertThat(mongo.findAll(Document.class, collection)).as(collection)
                    .noneMatch(document -> document.toJson().contains(link));
        }
        // GreenMail, the test's SMTP server, logs the addresses it receives for; the service logs neither
        assertThat(output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")))
                .noneMatch(line -> line.contains(link) || line.contains(newAddress));
    }

    @Test
    void aVerificationGoesToTheUnverifiedAddressAndAReplayedPasswordResetIsSentOnce() throws Exception {
        String memberId = UUID.randomUUID().toString();
        contacts.save(new MemberContact(memberId, address(memberId), false, "es", "Europe/Madrid", "Lucía", "madrid",
                List.of(), List.of(), null, List.of()));
        Instant now = Instant.now();
        // as community-service makes them: the token in the fragment, which no server's access log records
        String verifyLink = "https://portal.example/verify-email#token=" + UUID.randomUUID();
        String resetLink = "https://portal.example/reset-password#token=" + UUID.randomUUID();
        send(TestEvents.event(codec, EventCatalog.EMAIL_VERIFICATION_REQUESTED, memberId,
                new EmailVerificationRequested(memberId, verifyLink, now, now.plus(1, ChronoUnit.DAYS))));
        var reset = TestEvents.event(codec, EventCatalog.PASSWORD_RESET_REQUESTED, memberId,
                new PasswordResetRequested(memberId, resetLink, now, now.plus(1, ChronoUnit.HOURS)));
        send(reset);
        send(reset);
        send(TestEvents.event(codec, EventCatalog.PASSWORD_CHANGED, memberId, new PasswordChanged(memberId, now)));

        await().atMost(CONSUMED_WITHIN).until(() -> EmailTestSmtp.received(smtp, address(memberId)).size() >= 3);
        List<MimeMessage> mails = receivedBy(address(memberId));
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactly("Confirma tu dirección de correo",
                "Restablece tu contraseña", "Tu contraseña ha cambiado");
        assertThat(((MimeMultipart) mails.get(0).getContent()).getBodyPart(1).getContent().toString())
                .contains("href=\"" + verifyLink + "\"", "Hola, Lucía:");
        assertThat(((MimeMultipart) mails.get(1).getContent()).getBodyPart(0).getContent().toString())
                .contains(resetLink);
        assertThat(mails).allSatisfy(mail -> assertThat(mail.getHeader("List-Unsubscribe")).isNull());
    }

    private String member(String language, String displayName) {
        String memberId = UUID.randomUUID().toString();
        contacts.save(contact(memberId, address(memberId), language, displayName));
        return memberId;
    }

    private static MemberContact contact(String memberId, String email, String language, String displayName) {
        return new MemberContact(memberId, email, true, language, "Europe/Paris", displayName, "lyon", List.of(),
                List.of(), null, List.of());
    }

    private static String address(String memberId) {
        return memberId + "@example.org";
    }

    private EmailRequest request(String memberId, String link) {
        EmailRequest request = new EmailRequest("test-" + UUID.randomUUID(), memberId, Kind.WELCOME,
                Map.of("displayName", "Ana"), link, List.of(), Instant.now());
        produce(request);
        return request;
    }

    private void produce(EmailRequest request) {
        kafka.send(NotificationTopics.EMAILS, request.memberId(), json.writeValueAsString(request)).join();
    }

    /** Waits for the first email to {@code address} and returns everything it received. */
    private static List<MimeMessage> receivedBy(String address) {
        return await().atMost(CONSUMED_WITHIN).until(() -> EmailTestSmtp.received(smtp, address),
                mails -> !mails.isEmpty());
    }
}
