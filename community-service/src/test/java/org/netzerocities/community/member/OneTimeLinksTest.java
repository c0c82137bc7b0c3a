package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netzerocities.community.member.OneTimeLinks.Purpose;
import org.netzerocities.community.quota.QuotaProperties;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Expiry and single use of the one-time links against the real database, on a clock the test moves. */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@Import(PlatformInfrastructure.class)
class OneTimeLinksTest {

    static final AccountProperties PROPERTIES = new AccountProperties("https://portal.example/", Duration.ofDays(2),
            Duration.ofHours(1), Duration.ofDays(1), new QuotaProperties.Limit(5, Duration.ofHours(1)),
            new QuotaProperties.Limit(3, Duration.ofHours(1)), 10);

    @Autowired
    MongoTemplate mongo;

    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    private final String memberId = UUID.randomUUID().toString();

    private OneTimeLinks links() {
        return new OneTimeLinks(mongo, clock, PROPERTIES);
    }

    private static String token(OneTimeLinks.Issued link) {
        return link.url().substring(link.url().indexOf("#token=") + "#token=".length());
    }

    @Test
    void aLinkPointsIntoThePortalWithItsTokenInTheFragmentAndOnlyItsHashIsStored() {
        OneTimeLinks.Issued link = links().issue(Purpose.PASSWORD_RESET, memberId, "ana@example.org");

        assertThat(link.url()).matches("https://portal\\.example/reset-password#token=[A-Za-z0-9_-]{43}");
        assertThat(link.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        var stored = mongo.findById(Sha256.hex(token(link)), OneTimeLinks.StoredLink.class);
        assertThat(stored).isNotNull();
        assertThat(stored.toString()).doesNotContain(token(link));
    }

    @Test
    void aLinkWorksOnceAndOnlyForItsPurpose() {
        OneTimeLinks links = links();
        String token = token(links.issue(Purpose.EMAIL_VERIFICATION, memberId, "ana@example.org"));

        assertThat(links.use(token, EnumSet.of(Purpose.PASSWORD_RESET))).as("another purpose's route").isEmpty();
        Optional<OneTimeLinks.Used> used = links.use(token, EnumSet.of(Purpose.EMAIL_VERIFICATION));
        assertThat(used).get().satisfies(u -> {
            assertThat(u.memberId()).isEqualTo(memberId);
            assertThat(u.email()).isEqualTo("ana@example.org");
        });
        assertThat(links.use(token, EnumSet.of(Purpose.EMAIL_VERIFICATION))).as("used already").isEmpty();
    }

    @Test
    void aLinkWorksUntilItExpires() {
        OneTimeLinks links = links();
        String early = token(links.issue(Purpose.EMAIL_CHANGE, memberId, "new@example.org"));
        String late = token(links.issue(Purpose.EMAIL_CHANGE, memberId, "new@example.org"));

        clock.advance(Duration.ofDays(1).minusMillis(1));
        assertThat(links.use(early, Set.of(Purpose.EMAIL_CHANGE))).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(links.use(late, Set.of(Purpose.EMAIL_CHANGE))).isEmpty();
    }

    @Test
    void aReleasedLinkWorksAgainButAReleaseNeverUndoesALaterUse() {
        OneTimeLinks links = links();
        String token = token(links.issue(Purpose.PASSWORD_RESET, memberId, "ana@example.org"));
        OneTimeLinks.Used first = links.use(token, Set.of(Purpose.PASSWORD_RESET)).orElseThrow();

        links.release(first);
        clock.advance(Duration.ofSeconds(1));
        OneTimeLinks.Used second = links.use(token, Set.of(Purpose.PASSWORD_RESET)).orElseThrow();
        links.release(first);

        assertThat(second.usedAt()).isAfter(first.usedAt());
        assertThat(links.use(token, Set.of(Purpose.PASSWORD_RESET))).isEmpty();
    }

    @Test
    void ofManyConcurrentUsesOfOneLinkExactlyOneSucceeds() throws Exception {
        String token = token(links().issue(Purpose.PASSWORD_RESET, memberId, "ana@example.org"));
        // separate instances, as on separate nodes, sharing the database only
        List<Callable<Boolean>> uses = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(
                i -> () -> links().use(token, Set.of(Purpose.PASSWORD_RESET)).isPresent()).toList();

        var pool = Executors.newFixedThreadPool(8);
        try {
            long successes = 0;
            for (Future<Boolean> result : pool.invokeAll(uses)) {
                successes += result.get() ? 1 : 0;
            }
            assertThat(successes).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void malformedTokensAndOperatorsNeverMatch() {
        OneTimeLinks links = links();
        links.issue(Purpose.EMAIL_VERIFICATION, memberId, "ana@example.org");

        for (String hostile : new String[] { null, "", "{\"$ne\":null}", "$ne", "x".repeat(43) + "\u0000",
                "a".repeat(5_000) }) {
            assertThat(links.use(hostile, EnumSet.allOf(Purpose.class))).isEmpty();
        }
    }

    @Test
    void erasureForgetsTheMembersLinks() {
        OneTimeLinks links = links();
        String token = token(links.issue(Purpose.EMAIL_VERIFICATION, memberId, "ana@example.org"));

        links.forget(memberId);

        assertThat(mongo.findById(Sha256.hex(token), OneTimeLinks.StoredLink.class)).isNull();
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
