package org.netzerocities.campaign.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;

/** The queue the campaign feature hands approved posts to: idempotent per post, movable until claimed. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class PublicationsQueueTest {

    @Autowired
    Publications publications;
    @Autowired
    MongoTemplate mongo;

    static PostToPublish post(String postId, Instant at) {
        return new PostToPublish(postId, "campaign-" + postId, "channel-" + postId, "Hello #NetZeroCities",
                MediaKind.IMAGE, List.of("https://media.example.org/" + postId + ".jpg"), List.of(), at);
    }

    @Test
    void handingAPostOverAgainMovesItInsteadOfQueuingItTwice() {
        String postId = UUID.randomUUID().toString();
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        publications.schedule(post(postId, first));
        var moved = publications.schedule(post(postId, first.plus(2, ChronoUnit.HOURS)));

        assertThat(moved.status()).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(moved.scheduledAt()).isEqualTo(first.plus(2, ChronoUnit.HOURS));
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(postId)), Publication.class)).isOne();
        assertThat(publications.publications(List.of(postId, "unknown"))).singleElement()
                .satisfies(view -> assertThat(view.scheduledAt()).isEqualTo(first.plus(2, ChronoUnit.HOURS)));
    }

    @Test
    void aPostBeingPublishedCanNeitherBeMovedNorCancelled() {
        String postId = UUID.randomUUID().toString();
        publications.schedule(post(postId, Instant.now()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(postId)),
                Update.update(Publication.STATUS, PublicationStatus.PUBLISHING), Publication.class);

        assertThatThrownBy(() -> publications.schedule(post(postId, Instant.now().plusSeconds(3600))))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(publications.cancel(postId)).isFalse();
        assertThat(publications.publication(postId).orElseThrow().status()).isEqualTo(PublicationStatus.PUBLISHING);
    }

    @Test
    void aCancelledPostLeavesTheQueueAndCanBeQueuedAgain() {
        String postId = UUID.randomUUID().toString();
        publications.schedule(post(postId, Instant.now().plusSeconds(3600)));

        assertThat(publications.cancel(postId)).isTrue();
        assertThat(publications.publication(postId).orElseThrow().status()).isEqualTo(PublicationStatus.CANCELLED);
        assertThat(publications.schedule(post(postId, Instant.now().plusSeconds(7200))).status())
                .isEqualTo(PublicationStatus.SCHEDULED);
    }

    @Test
    void aPostInstagramCouldNotFetchIsRefusedBeforeItIsQueued() {
        String postId = UUID.randomUUID().toString();
        PostToPublish local = new PostToPublish(postId, "c", "ch", "caption", MediaKind.IMAGE,
                List.of("http://localhost/picture.jpg"), List.of(), Instant.now());

        assertThatThrownBy(() -> publications.schedule(local)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(publications.publication(postId)).isEmpty();
    }
}
