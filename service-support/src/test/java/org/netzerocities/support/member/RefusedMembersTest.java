package org.netzerocities.support.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.netzerocities.events.Periodic;
import org.netzerocities.support.member.RefusedMembers.Reason;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClients;

/** The refused members of one service, over a real (embedded) database, without Spring. */
class RefusedMembersTest {

    private static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(SharedInfrastructure.mongoUri()),
            "refused-" + UUID.randomUUID());

    @Test
    void aRefusedMemberIsRefusedAtOnceOnTheInstanceThatRecordedIt() {
        RefusedMembers refused = instance();
        String member = member();

        refused.refuse(member, Reason.ERASED);

        assertThat(refused.isRefused(member)).isTrue();
        assertThat(refused.isRefused(member())).isFalse();
        assertThat(refused.wasErased(member)).isTrue();
    }

    @Test
    void theErasedAmongManyMembersAreFoundInOneRead() {
        RefusedMembers refused = instance();
        String erased = member();
        String other = member();
        refused.refuse(erased, Reason.ERASED);

        assertThat(refused.erasedAmong(java.util.List.of(erased, other))).containsExactly(erased);
    }

    @Test
    void recordingARefusalAgainKeepsOneRecord() {
        RefusedMembers refused = instance();
        String member = member();

        refused.refuse(member, Reason.ERASED);
        refused.refuse(member, Reason.ERASED);

        assertThat(mongo.getCollection(RefusedMembers.COLLECTION).countDocuments(new Document("_id", member)))
                .isEqualTo(1);
    }

    @Test
    void aStartingInstanceLoadsEveryRefusalRecordedBefore() {
        RefusedMembers before = instance();
        String first = member();
        String second = member();
        before.refuse(first, Reason.ERASED);
        before.refuse(second, Reason.ERASED);

        RefusedMembers starting = instance();

        assertThat(starting.refresh()).isEqualTo(2);
        assertThat(starting.isRefused(first)).isTrue();
        assertThat(starting.isRefused(second)).isTrue();
        assertThat(starting.refresh()).as("nothing new").isZero();
    }

    @Test
    void aRefreshReadsOnlyWhatWasRecordedSinceTheLatestRecordItSaw() {
        RefusedMembers refused = instance();
        refused.refuse(member(), Reason.ERASED);
        refused.refresh();
        String recordedLongBefore = member();
        mongo.insert(new Document("_id", recordedLongBefore).append(RefusedMembers.REASON, "ERASED")
                .append(RefusedMembers.RECORDED_AT, Date.from(Instant.now().minus(Duration.ofHours(1)))),
                RefusedMembers.COLLECTION);
        String recordedNow = member();
        instance().refuse(recordedNow, Reason.ERASED);

        assertThat(refused.refresh()).isEqualTo(1);
        assertThat(refused.isRefused(recordedNow)).isTrue();
        assertThat(refused.isRefused(recordedLongBefore)).as("older than the latest record seen").isFalse();
    }

    @Test
    void anInstanceThatDidNotReceiveTheEventRefusesTheMemberWithinTheRefreshInterval() {
        RefusedMembers consuming = started();
        RefusedMembers other = started();
        var refreshes = new Periodic("test-refresh", REFRESH_INTERVAL, other::refresh);
        refreshes.start();
        try {
            String member = member();

            consuming.refuse(member, Reason.ERASED);

            // one interval, plus a margin for a busy machine
            await().atMost(REFRESH_INTERVAL.plusMillis(500)).pollInterval(Duration.ofMillis(50))
                    .until(() -> other.isRefused(member));
        }
        finally {
            refreshes.stop();
        }
    }

    @Test
    void aSuspendedMemberIsRefusedUntilReinstatedAndIsNotTakenForErased() {
        RefusedMembers refused = instance();
        String member = member();

        refused.refuse(member, Reason.SUSPENDED);
        assertThat(refused.isRefused(member)).isTrue();
        assertThat(refused.wasErased(member)).isFalse();

        refused.reinstate(member);
        assertThat(refused.isRefused(member)).isFalse();
        refused.refuse(member, Reason.SUSPENDED);
        assertThat(refused.isRefused(member)).as("suspended again").isTrue();
    }

    @Test
    void aSuspensionOrReinstatementNeverUndoesAnErasure() {
        RefusedMembers refused = instance();
        String member = member();
        refused.refuse(member, Reason.ERASED);

        refused.refuse(member, Reason.SUSPENDED);
        refused.reinstate(member);

        assertThat(refused.isRefused(member)).isTrue();
        assertThat(refused.wasErased(member)).isTrue();
        RefusedMembers starting = instance();
        starting.refresh();
        assertThat(starting.isRefused(member)).as("as another instance reads it").isTrue();
    }

    @Test
    void anInstanceThatDidNotReceiveTheReinstatementAcceptsTheMemberAtItsNextRefresh() {
        RefusedMembers consuming = started();
        RefusedMembers other = started();
        String member = member();
        consuming.refuse(member, Reason.SUSPENDED);
        other.refresh();
        assertThat(other.isRefused(member)).isTrue();

        consuming.reinstate(member);
        other.refresh();

        assertThat(other.isRefused(member)).isFalse();
        assertThat(instance().refresh()).as("a starting instance refuses nobody for it").isZero();
    }

    @Test
    void reinstatingAMemberWhoWasNotSuspendedRecordsNothing() {
        RefusedMembers refused = instance();
        String member = member();

        refused.reinstate(member);

        assertThat(refused.isRefused(member)).isFalse();
        assertThat(mongo.getCollection(RefusedMembers.COLLECTION).countDocuments(new Document("_id", member)))
                .isZero();
    }

    private RefusedMembers instance() {
        return new RefusedMembers(mongo, Duration.ofMinutes(1));
    }

    private RefusedMembers started() {
        RefusedMembers refused = instance();
        refused.createIndexes();
        refused.refresh();
        return refused;
    }

    private static String member() {
        return UUID.randomUUID().toString();
    }
}
