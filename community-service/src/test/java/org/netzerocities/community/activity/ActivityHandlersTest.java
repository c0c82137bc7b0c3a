package org.netzerocities.community.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.community.member.Member;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.community.EventScheduled;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.events.contract.community.PostPublished;
import org.netzerocities.events.contract.learning.CertificateIssued;
import org.netzerocities.events.contract.learning.CertificateRevoked;
import org.netzerocities.testsupport.HandlerHarness;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/** The activity signal's handlers on sample events, without Kafka or Spring. */
class ActivityHandlersTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "activity-" + UUID.randomUUID());
    private final MemberActivities activities = new MemberActivities(mongo);
    private final ActivityHandlers handlers = new ActivityHandlers();
    private final EventHandler<CertificateIssued> issued = handlers.activityOnCertificateIssued(activities);
    private final EventHandler<CertificateRevoked> revoked = handlers.activityOnCertificateRevoked(activities);
    private final EventHandler<MemberErased> erased = handlers.activityOnMemberErased(activities);
    private final EventHandler<PostPublished> published = handlers.activityOnPostPublished(activities);
    private final String member = UUID.randomUUID().toString();

    @Test
    void aCertificateCountsOnceHoweverOftenItsEventComes() {
        var event = HandlerHarness.deliver(issued, "cert-1", issue("cert-1"));
        HandlerHarness.redeliver(issued, event);

        assertThat(signal()).isEqualTo(new ActivitySignal(0, 0, 1, true));
    }

    @Test
    void everyPostPublishedCountsOnceForItsAuthor() {
        var first = HandlerHarness.deliver(published, "t-1", new PostPublished("t-1.1", "t-1", "g-1", member));
        HandlerHarness.redeliver(published, first);
        HandlerHarness.deliver(published, "t-1", new PostPublished("t-1.2", "t-1", "g-1", member));
        HandlerHarness.deliver(published, "t-1", new PostPublished("t-1.3", "t-1", "g-1", "someone-else"));

        assertThat(signal().posts()).isEqualTo(2);
    }

    @Test
    void aRevokedCertificateIsNoLongerHeld() {
        HandlerHarness.deliver(issued, "cert-1", issue("cert-1"));
        HandlerHarness.deliver(issued, "cert-2", issue("cert-2"));
        HandlerHarness.deliver(revoked, "cert-1", revoke("cert-1"));

        assertThat(signal()).isEqualTo(new ActivitySignal(0, 0, 1, true));
        HandlerHarness.deliver(revoked, "cert-2", revoke("cert-2"));
        assertThat(signal()).isEqualTo(ActivitySignal.NONE);
    }

    @Test
    void anIssueAppliedAfterItsRevocationLeavesNoGhostCertificate() {
        HandlerHarness.deliver(revoked, "cert-1", revoke("cert-1"));
        HandlerHarness.deliver(issued, "cert-1", issue("cert-1"));

        assertThat(signal().certificateHeld()).isFalse();
    }

    @Test
    void postsAndEventsOrganisedAreCountedOncePerEvent() {
        activities.postPublished(member, "post-event-1");
        activities.postPublished(member, "post-event-1");
        activities.postPublished(member, "post-event-2");
        activities.eventOrganised(member, "scheduled-1");

        assertThat(signal()).isEqualTo(new ActivitySignal(2, 1, 0, false));
    }

    @Test
    void aScheduledEventCountsOnceForItsOrganiserHoweverOftenItsEventComes() {
        var scheduled = handlers.activityOnEventScheduled(activities);
        var payload = new EventScheduled("ev-1", "Repair café", "cluj-napoca", "IN_PERSON", Instant.now(),
                Instant.now().plusSeconds(3600), "Europe/Bucharest", "ro", List.of("repair"), member, null);

        var event = HandlerHarness.deliver(scheduled, "ev-1", payload);
        HandlerHarness.redeliver(scheduled, event);
        HandlerHarness.deliver(scheduled, "ev-2", payload);

        assertThat(signal()).isEqualTo(new ActivitySignal(0, 2, 0, false));
    }

    @Test
    void anErasedMembersActivityIsDeletedAndNotBroughtBackByLaterEvents() {
        HandlerHarness.deliver(issued, "cert-1", issue("cert-1"));

        HandlerHarness.deliver(erased, member, new MemberErased(member, "cluj-napoca", Instant.now()));
        assertThat(mongo.findById(member, Document.class, MemberActivities.COLLECTION)).isNull();

        mongo.insert(new Document("_id", member).append(Member.ERASED_AT, new java.util.Date()), Member.COLLECTION);
        HandlerHarness.deliver(issued, "cert-2", issue("cert-2"));
        assertThat(mongo.findById(member, Document.class, MemberActivities.COLLECTION)).isNull();
    }

    @Test
    void membersWithoutActivityHaveAnEmptySignal() {
        HandlerHarness.deliver(issued, "cert-1", issue("cert-1"));

        assertThat(activities.signalsOf(List.of(member, "someone-else")))
                .containsEntry(member, new ActivitySignal(0, 0, 1, true))
                .containsEntry("someone-else", ActivitySignal.NONE);
        assertThat(activities.signalsOf(List.of())).isEmpty();
    }

    private ActivitySignal signal() {
        return activities.signalsOf(List.of(member)).get(member);
    }

    private CertificateIssued issue(String certificateId) {
        return new CertificateIssued(certificateId, member, "cohort-1", "VC-" + certificateId, Instant.now(), "e-" + certificateId);
    }

    private CertificateRevoked revoke(String certificateId) {
        return new CertificateRevoked(certificateId, member, "issued in error");
    }
}
