package org.netzerocities.campaign.publishing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.bson.Document;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.netzerocities.campaign.audience.Citizen;
import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxRelay;
import org.netzerocities.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * What the publishing integration tests share: real channels (created and credentialled through their routes),
 * posts due now, scheduler instances of their own over the one database and broker, and the posts' events.
 */
abstract class PublishingFixture {

    static final PublishingProperties SETTINGS = new PublishingProperties(Duration.ofSeconds(30),
            Duration.ofMinutes(10), 3, Duration.ofMinutes(1), Duration.ofHours(1), 25, Duration.ofHours(6),
            Duration.ofDays(30));
    /** Where the test instances' clocks stand: past the posts' time, which the background scheduler has not reached. */
    static final Duration AHEAD = Duration.ofHours(2);

    @Autowired
    MockMvc http;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Publications publications;
    @Autowired
    Channels channels;
    @Autowired
    EventFactory events;
    @Autowired
    OutboxRelay relay;
    @Autowired
    KafkaConnectionDetails kafkaConnection;

    /** A city channel with a stored Instagram token and {@code leaders} on its leadership team. */
    String channel(String... leaders) throws Exception {
        var admin = jwt().jwt(token -> token.subject(UUID.randomUUID().toString()).claim("roles", List.of("ADMIN")));
        String city = "city-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        String body = http.perform(post("/api/campaigns/channels").with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"city\":\"" + city + "\",\"language\":\"pt\",\"instagramAccountId\":\"17841400000001\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String channelId = JsonPath.read(body, "$.channelId");
        http.perform(put("/api/campaigns/channels/" + channelId + "/credential").with(admin)
                .contentType(MediaType.APPLICATION_JSON).content("{\"accessToken\":\"IGQtest-" + city + "\"}"))
                .andExpect(status().isOk());
        for (String leader : leaders) {
            mongo.insert(new Citizen(leader, "Ana", "lisbon", List.of("pt"), List.of(), Instant.now()));
            http.perform(post("/api/campaigns/channels/" + channelId + "/team").with(admin)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"memberId\":\"" + leader + "\",\"role\":\"LEADERSHIP_TEAM\"}"))
                    .andExpect(status().isOk());
        }
        return channelId;
    }

    /**
     * Queues a post on the channel due in an hour, so that only the test's own instances (running {@link #AHEAD})
     * see it due, not the service's background scheduler; returns its id.
     */
    String duePost(String channelId) {
        String postId = UUID.randomUUID().toString();
        publications.schedule(new PostToPublish(postId, "campaign-" + postId, channelId, "Caption " + postId,
                MediaKind.IMAGE, List.of("https://media.example.org/" + postId + ".jpg"), List.of("nzc_lisbon"),
                Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS)));
        return postId;
    }

    /** A scheduler instance of its own, as another replica of the service would run it, {@code later} than AHEAD. */
    PublishScheduler instance(Publisher publisher, Duration later) {
        return new PublishScheduler(mongo, publisher, channels, events,
                postId -> relay.wake(Publication.COLLECTION, postId), clock(later), SETTINGS);
    }

    static Clock clock(Duration later) {
        return Clock.offset(Clock.systemUTC(), AHEAD.plus(later));
    }

    LocalPublisher localPublisher() {
        return new LocalPublisher(mongo, clock(Duration.ZERO));
    }

    /** The local publisher's record of what was posted for the post: one container per publish. */
    List<Document> postedFor(String postId) {
        return mongo.find(Query.query(Criteria.where("postId").is(postId)),
                Document.class, LocalPublisher.COLLECTION);
    }

    Publication stored(String postId) {
        return mongo.findById(postId, Publication.class);
    }

    /** The posts' events of {@code type}, waiting for {@code count} of them. */
    List<ConsumerRecord<String, String>> postEvents(Collection<String> postIds, EventType<?> type, int count,
            Duration within) {
        return TopicReader.read(String.join(",", kafkaConnection.getBootstrapServers()),
                EventCatalog.CAMPAIGN_POSTS_TOPIC,
                r -> postIds.contains(r.key()) && type.type().equals(TopicReader.header(r, "ce_type")), count, within);
    }
}
