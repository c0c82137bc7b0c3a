package org.netzerocities.learning.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/** The learner projection's handler on sample events, without Kafka or Spring. */
class LearnerProjectionHandlerTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "learning-" + UUID.randomUUID());
    private final EventHandler<MemberJoined> handler = new LearnerProjection().learnerOnMemberJoined(mongo);

    @Test
    void aMemberWhoJoinedBecomesALearnerOnceHoweverOftenTheEventComes() {
        String memberId = UUID.randomUUID().toString();
        var joined = new MemberJoined(memberId, "Ana", "cluj-napoca", List.of("ro"),
                List.of("energy"), "Europe/Bucharest", null, null, true, Instant.parse("2026-11-28T10:00:00Z"));

        var event = HandlerHarness.deliver(handler, memberId, joined);
        HandlerHarness.redeliver(handler, event);

        Learner learner = mongo.findById(memberId, Learner.class);
        assertThat(learner.city()).isEqualTo("cluj-napoca");
        assertThat(learner.languages()).containsExactly("ro");
        assertThat(mongo.findById(memberId, Document.class, "learners").getList("appliedEvents", String.class))
                .containsExactly(event.id());
    }
}
