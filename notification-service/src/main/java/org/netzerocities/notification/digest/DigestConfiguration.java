package org.netzerocities.notification.digest;

import java.time.Clock;
import org.bson.Document;
import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.notification.delivery.NotificationTopics;
import org.netzerocities.notification.delivery.PrivateTopicSender;
import org.netzerocities.notification.preference.DigestOptOuts;
import org.netzerocities.support.schedule.ClusterLease;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The daily digest, run every interval once across instances, its emails on the email topic. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigestProperties.class)
class DigestConfiguration {

    /** Like every other email request: JSON keyed by member id, so that a member's emails stay in order. */
    @Bean
    DigestMail digestMail(PrivateTopicSender sender) {
        return digests -> sender.send(NotificationTopics.EMAILS,
                digests.stream().map(digest -> new PrivateTopicSender.Keyed(digest.memberId(), digest)).toList());
    }

    /**
     * On a real MongoDB the run's query reads this partial index in its order instead of sorting the collection;
     * the embedded server ignores it.
     */
    @Bean
    DigestRun digestRun(MongoTemplate mongo, DigestProperties properties, DigestMail mail, DigestOptOuts optOuts) {
        mongo.indexOps(DigestRun.NOTIFICATIONS).createIndex(new Index().on("digest", Sort.Direction.ASC)
                .on("memberId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                .partial(PartialIndexFilter.of(Criteria.where("digest").is("PENDING"))).named("digest-pending"));
        return new DigestRun(mongo, properties, mail, optOuts);
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
