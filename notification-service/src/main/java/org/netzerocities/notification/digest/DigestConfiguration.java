package org.netzerocities.notification.digest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.notification.schedule.ClusterLease;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

import tools.jackson.databind.json.JsonMapper;

/** The daily digest, run every interval once across instances, its emails on the email topic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestProperties.class)
class DigestConfiguration {

    /** How long the broker may take to acknowledge a chunk of digests. */
    private static final long SEND_TIMEOUT_SECONDS = 30;

    /** JSON like every other email request, keyed by member id so that a member's emails stay in order. */
    @Bean
    DigestMail digestMail(KafkaTemplate<String, String> kafka, JsonMapper json) {
        return digests -> {
            List<CompletableFuture<?>> acks = new ArrayList<>(digests.size());
            for (EmailRequest digest : digests) {
                acks.add(kafka.send(NotificationTopics.EMAILS, digest.memberId(), json.writeValueAsString(digest)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS,
                    TimeUnit.SECONDS);
        };
    }

    @Bean
    DigestRun digestRun(MongoTemplate mongo, DigestProperties properties, DigestMail mail) {
        return new DigestRun(mongo, properties, mail);
    }

    @Bean
    Periodic dailyDigest(ClusterLease lease, DigestRun run, DigestProperties properties, Clock clock) {
        return lease.every("daily-digest", properties.interval(), () -> run.run(clock.instant()));
    }

    /** The local date of the member's latest digest, or null. */
    @Bean
    PersonalData digestOfMember(MongoTemplate mongo) {
        return new PersonalData("digest", memberId -> {
            Document member = mongo.findById(memberId, Document.class, DigestRun.DIGEST_MEMBERS);
            return member == null ? null : new DigestHeld(member.getString("lastDigestDate"));
        });
    }

    record DigestHeld(String lastDigestDate) {
    }

    @Bean
    EventHandler<MemberErased> digestOfErasedMember(MongoTemplate mongo) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> mongo.remove(
                Query.query(Criteria.where("_id").is(erased.memberId())), DigestRun.DIGEST_MEMBERS));
    }
}
