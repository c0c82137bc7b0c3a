package org.netzerocities.community.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    /** Now, so that the purge of the running service (on the real clock) removes none of these links. */
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final String memberId = UUID.randomUUID().toString();

    /** The links as an instance whose clock reads {@code t0} plus {@code later} sees them. */
    private OneTimeLinks links(Duration later) {
        return new OneTimeLinks(mongo, Clock.fixed(t0.plus(later), ZoneOffset.UTC), PROPERTIES);
    }

    private OneTimeLinks links() {
        return links(Duration.ZERO);
    }

    private static String token(OneTimeLinks.Issued link) {
        return link.url().substring(link.url().indexOf("#token=") + "#token=".length());
    }

    @Test
    void aLinkPointsIntoThePortalWithItsTokenInTheFragmentAndOnlyItsHashIsStored() {
        OneTimeLinks.Issued link = links().issue(Purpose.PASSWORD_RESET, memberId, "ana@example.org");

        assertThat(link.url()).matches("https://portal\\.example/reset-password#token=[A-Za-z0-9_-]{43}");
        assertThat(link.expiresAt()).isEqualTo(t0.plus(Duration.ofHours(1)));
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
        String early = token(links().issue(Purpose.EMAIL_CHANGE, memberId, "new@example.org"));
        String late = token(links().issue(Purpose.EMAIL_CHANGE, memberId, "new@example.org"));

        assertThat(links(Duration.ofDays(1).minusMillis(1)).use(early, Set.of(Purpose.EMAIL_CHANGE))).isPresent();
        assertThat(links(Duration.ofDays(1)).use(late, Set.of(Purpose.EMAIL_CHANGE))).isEmpty();
    }

    @Test
    void aReleasedLinkWorksAgainButAReleaseNeverUndoesALaterUse() {
        String token = token(links().issue(Purpose.PASSWORD_RESET, memberId, "ana@example.org"));
        OneTimeLinks.Used first = links().use(token, Set.of(Purpose.PASSWORD_RESET)).orElseThrow();

        links().release(first);
        OneTimeLinks.Used second = links(Duration.ofSeconds(1)).use(token, Set.of(Purpose.PASSWORD_RESET))
                .orElseThrow();
        links().release(first);

        assertThat(second.usedAt()).isAfter(first.usedAt());
        assertThat(links(Duration.ofSeconds(2)).use(token, Set.of(Purpose.PASSWORD_RESET))).isEmpty();
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
    void forgettingAMemberRemovesEveryLinkOfTheirs() {
        OneTimeLinks links = links();
        String token = token(links.issue(Purpose.EMAIL_VERIFICATION, memberId, "ana@example.org"));

        links.forget(memberId);

        assertThat(mongo.findById(Sha256.hex(token), OneTimeLinks.StoredLink.class)).isNull();
    }
}
