package org.netzerocities.notification.email;

import java.time.Clock;
import java.util.Map;

import org.bson.Document;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.notification.contact.MemberContactRepository;
import org.netzerocities.support.PublicEndpoints;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The email channel: the request consumer, its retry loop, the public unsubscribe route and erasure. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailSettings.class)
class EmailConfiguration {

    @Bean
    EmailRetries emailRetries(MongoTemplate mongo, NotificationEmails emails, MemberContactRepository contacts,
            JsonMapper json, EmailSettings settings, Clock clock, MeterRegistry meters) {
        EmailRetries retries = new EmailRetries(mongo, emails, contacts, json, settings, clock, meters);
        retries.createIndexes();
        return retries;
    }

    @Bean
    EmailRequestListener emailRequestListener(EmailRetries retries, JsonMapper json, MeterRegistry meters) {
        return new EmailRequestListener(retries, json, meters);
    }

    /** Every instance runs it; a claim per email keeps two instances from trying the same one. */
    @Bean
    Periodic emailRetryLoop(EmailRetries retries, EmailSettings settings) {
        return new Periodic("email-retries", settings.retryPoll(), retries::retryDue);
    }

    /** Mail clients post the one-click unsubscribe without any login (RFC 8058); the signed token is the proof. */
    @Bean
    PublicEndpoints unsubscribeWithoutLogin() {
        return PublicEndpoints.of(PublicEndpoints.post(UnsubscribeController.PATH));
    }

    @Bean
    EventHandler<MemberErased> pendingEmailsOnMemberErased(EmailRetries retries) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> retries.forget(erased.memberId()));
    }

    /** The emails still waiting for an attempt, or abandoned: ids and reasons (the content is not kept after). */
    @Bean
    PersonalData pendingEmails(MongoTemplate mongo) {
        return new PersonalData("pendingEmails", memberId -> mongo.find(
                Query.query(Criteria.where("memberId").is(memberId)), Document.class, EmailRetries.COLLECTION)
                .stream().map(waiting -> Map.of("id", String.valueOf(waiting.get("_id")),
                        "state", String.valueOf(waiting.get("state")), "reason", String.valueOf(waiting.get("reason"))))
                .toList());
    }
}
