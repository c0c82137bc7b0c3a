package org.netzerocities.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.ConsumingServiceTest;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules of the sender that need more than the running service: other instances working on the same emails, and
 * the verified-address setting (on by default). The other "instances" are built from this context's beans.
 */
@SpringBootTest(properties = "nzc.events.consumer.initial-backoff=50ms")
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class EmailInstancesTest extends ConsumingServiceTest {

    @RegisterExtension
    static final GreenMailExtension smtp = EmailTestSmtp.server();

    @Autowired
    MemberContactRepository contacts;
    @Autowired
    RefusedMembers refused;
    @Autowired
    FailingAddresses failing;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    EmailTemplates templates;
    @Autowired
    Mailer mailer;
    @Autowired
    EmailSettings settings;
    @Autowired
    NotificationEmails emails;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    JsonMapper json;
    @Autowired
    Clock clock;

    @Test
    void emailsWaitingForRetryAreSentOnceWhenThreeInstancesRetryThemAtOnce() {
        List<String> members = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
        members.forEach(memberId -> kafka.send(NotificationTopics.EMAILS, memberId,
                json.writeValueAsString(request(memberId))).join());
        await().atMost(CONSUMED_WITHIN).until(() -> mongo.count(Query.query(Criteria.where("memberId").in(members)),
                EmailRetries.COLLECTION) == members.size());

        members.forEach(memberId -> contacts.save(contact(memberId, true)));
        EmailRetries second = instance();
        EmailRetries third = instance();
        CompletableFuture.allOf(CompletableFuture.runAsync(second::retryDue),
                CompletableFuture.runAsync(third::retryDue)).join();

        await().atMost(CONSUMED_WITHIN).until(() -> mongo.count(Query.query(Criteria.where("memberId").in(members)),
                EmailRetries.COLLECTION) == 0);
        for (String memberId : members) {
            assertThat(received(address(memberId))).as(memberId).hasSize(1);
        }
    }

    @Test
    void byDefaultAnUnverifiedAddressGetsNoNotificationEmailUnlessTheSettingIsTurnedOff() {
        var notRequiringVerified = new NotificationEmails(contacts, refused, failing, tokens, templates, mailer,
                new EmailSettings(settings.from(), false, settings.contactWait(), settings.giveUpAfter(),
                        settings.initialBackoff(), settings.maxBackoff(), settings.retryPoll(),
                        settings.unsubscribeKey(), settings.unsubscribeValidity()));
        String unverified = UUID.randomUUID().toString();
        String verified = UUID.randomUUID().toString();
        contacts.save(contact(unverified, false));
        contacts.save(contact(verified, true));

        assertThat(emails.send(request(unverified))).isEqualTo(NotificationEmails.Next.DONE);
        assertThat(emails.send(request(verified))).isEqualTo(NotificationEmails.Next.DONE);
        assertThat(received(address(verified))).hasSize(1);
        assertThat(received(address(unverified))).as("the default requires a verified address").isEmpty();
        assertThat(notRequiringVerified.send(request(unverified))).isEqualTo(NotificationEmails.Next.DONE);
        assertThat(received(address(unverified))).hasSize(1);
    }

    private EmailRetries instance() {
        return new EmailRetries(mongo, emails, contacts, json, settings, clock, meters);
    }

    private static EmailRequest request(String memberId) {
        return new EmailRequest("test-" + UUID.randomUUID(), memberId, Kind.MENTION,
                Map.of("threadTitle", "Heat pumps"), "/groups/g?post=p", List.of(), Instant.now());
    }

    private static MemberContact contact(String memberId, boolean verified) {
        return new MemberContact(memberId, address(memberId), verified, "it", "Europe/Rome", null, "milan", List.of(),
                List.of(), null, List.of());
    }

    private static String address(String memberId) {
        return memberId + "@example.org";
    }

    private static List<MimeMessage> received(String address) {
        return EmailTestSmtp.received(smtp, address);
    }
}
