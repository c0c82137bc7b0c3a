package org.netzerocities.community.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Rotation and reuse detection against the real database, at times the test sets, long ago, so that purging at
 * its times touches no session of the other tests sharing the database.
 */
@SpringBootTest(properties = { "nzc.admin.email=admin@nzc.test", "nzc.admin.password=admin-password-1" })
@Import(PlatformInfrastructure.class)
class SessionsTest {

    static final Duration TTL = Duration.ofDays(30);
    static final Duration WINDOW = Duration.ofSeconds(5);
    static final Instant T0 = Instant.parse("2020-01-01T08:00:00Z");

    @Autowired
    MongoTemplate mongo;

    /** The time of the test's next call: each call is made at the time the test has moved to. */
    private Instant now = T0;

    private Sessions sessions() {
        return new Sessions(mongo, new SessionProperties(TTL, WINDOW, Duration.ofHours(1)),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Optional<String> anyone(Session session) {
        return Optional.of(session.memberId());
    }

    @Test
    void aRefreshTokenIsExchangedOnceForTheNextOneOfTheSameSession() {
        String member = UUID.randomUUID().toString();
        IssuedSession first = sessions().start(member, "Firefox");
        now = now.plus(Duration.ofMinutes(20));

        var renewed = sessions().rotate(first.refreshToken(), SessionsTest::anyone).orElseThrow();

        assertThat(renewed.holder()).isEqualTo(member);
        assertThat(renewed.session().sessionId()).isEqualTo(first.sessionId());
        assertThat(renewed.session().refreshToken()).isNotEqualTo(first.refreshToken()).hasSize(43);
        assertThat(renewed.session().refreshExpiresIn()).isEqualTo(TTL.toSeconds());
        Session session = mongo.findById(first.sessionId(), Session.class);
        assertThat(session.lastUsedAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)));
        assertThat(session.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(20)).plus(TTL));
        assertThat(sessions().rotate(renewed.session().refreshToken(), SessionsTest::anyone)).isPresent();
    }

    @Test
    void anExchangedTokenPresentedAgainEndsTheSessionAndTheCurrentTokenWithIt() {
        IssuedSession first = sessions().start(UUID.randomUUID().toString(), "Firefox");
        String current = sessions().rotate(first.refreshToken(), SessionsTest::anyone).orElseThrow().session()
                .refreshToken();
        now = now.plus(WINDOW);

        assertThat(sessions().rotate(first.refreshToken(), SessionsTest::anyone)).as("the reused token").isEmpty();

        assertThat(sessions().rotate(current, SessionsTest::anyone)).as("the family's current token").isEmpty();
        assertThat(mongo.findById(first.sessionId(), Session.class)).isNull();
    }

    @Test
    void ofConcurrentExchangesOfOneTokenExactlyOneWinsAndTheSessionGoesOnWithIt() throws Exception {
        IssuedSession first = sessions().start(UUID.randomUUID().toString(), "Firefox");
        int racers = 6;
        // every racer has read the token as not yet exchanged before any of them tries to exchange it
        CyclicBarrier allHaveRead = new CyclicBarrier(racers);
        Callable<Optional<Sessions.Renewed<String>>> exchange = () -> sessions().rotate(first.refreshToken(),
                session -> {
                    await(allHaveRead);
                    return anyone(session);
                });
        var pool = Executors.newFixedThreadPool(racers);
        List<Future<Optional<Sessions.Renewed<String>>>> futures = IntStream.range(0, racers)
                .mapToObj(i -> pool.submit(exchange)).toList();
        List<Optional<Sessions.Renewed<String>>> outcomes = futures.stream().map(SessionsTest::get).toList();
        pool.shutdown();

        List<Sessions.Renewed<String>> winners = outcomes.stream().flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(sessions().rotate(winners.get(0).session().refreshToken(), SessionsTest::anyone))
                .as("the winner's token continues the session").isPresent();
    }

    @Test
    void anExchangedTokenPresentedAgainWithinAMomentIsRefusedAloneAsTheLoserOfARace() {
        IssuedSession first = sessions().start(UUID.randomUUID().toString(), "Firefox");
        String current = sessions().rotate(first.refreshToken(), SessionsTest::anyone).orElseThrow().session()
                .refreshToken();
        now = now.plus(WINDOW.minusMillis(1));

        assertThat(sessions().rotate(first.refreshToken(), SessionsTest::anyone)).isEmpty();

        assertThat(sessions().rotate(current, SessionsTest::anyone)).isPresent();
    }

    @Test
    void aTokenIsRefusedOnceExpiredAndASessionLastsWhileItIsRefreshedInTime() {
        IssuedSession kept = sessions().start(UUID.randomUUID().toString(), "Firefox");
        IssuedSession idle = sessions().start(UUID.randomUUID().toString(), "Safari");
        String token = kept.refreshToken();
        for (int i = 0; i < 3; i++) {
            now = now.plus(TTL.minusDays(1));
            token = sessions().rotate(token, SessionsTest::anyone).orElseThrow().session().refreshToken();
        }

        assertThat(sessions().rotate(idle.refreshToken(), SessionsTest::anyone)).isEmpty();
        now = now.plus(TTL);
        assertThat(sessions().rotate(token, SessionsTest::anyone)).isEmpty();
    }

    @Test
    void aSessionWhoseMemberMayNotContinueIsNotRenewedAndItsTokenIsNotSpent() {
        IssuedSession session = sessions().start(UUID.randomUUID().toString(), "Firefox");

        assertThat(sessions().rotate(session.refreshToken(), s -> Optional.empty())).isEmpty();

        assertThat(mongo.findById(Sessions.hash(session.refreshToken()), RefreshToken.class).wasRotated()).isFalse();
    }

    @Test
    void unknownTokensAreRefusedAndTokensAreStoredOnlyAsTheirHash() {
        String member = UUID.randomUUID().toString();
        IssuedSession session = sessions().start(member, "Firefox");

        assertThat(sessions().rotate("not-a-token", SessionsTest::anyone)).isEmpty();
        assertThat(sessions().rotate(session.refreshToken() + "x", SessionsTest::anyone)).isEmpty();
        List<RefreshToken> stored = mongo.find(Query.query(Criteria.where("memberId").is(member)), RefreshToken.class);
        assertThat(stored).singleElement().satisfies(token -> {
            assertThat(token.id()).isEqualTo(Sessions.hash(session.refreshToken()))
                    .isNotEqualTo(session.refreshToken());
            assertThat(token.toString()).doesNotContain(session.refreshToken());
        });
    }

    @Test
    void logOutWithAnyTokenOfTheSessionEndsItAndAnotherMembersSessionCannotBeEnded() {
        String member = UUID.randomUUID().toString();
        IssuedSession phone = sessions().start(member, "Phone");
        IssuedSession laptop = sessions().start(member, "Laptop");
        IssuedSession other = sessions().start(UUID.randomUUID().toString(), "Other");

        sessions().endByToken(phone.refreshToken());
        assertThat(sessions().end(member, other.sessionId())).isFalse();
        assertThat(sessions().end(member, laptop.sessionId())).isTrue();

        assertThat(sessions().rotate(phone.refreshToken(), SessionsTest::anyone)).isEmpty();
        assertThat(sessions().rotate(laptop.refreshToken(), SessionsTest::anyone)).isEmpty();
        assertThat(sessions().rotate(other.refreshToken(), SessionsTest::anyone)).isPresent();
    }

    @Test
    void theActiveSessionsAreTheMembersUnexpiredOnesNotVoidedMostRecentlyUsedFirst() {
        String member = UUID.randomUUID().toString();
        IssuedSession voided = sessions().start(member, "Old");
        now = now.plus(Duration.ofMinutes(1));
        Instant validAfter = now;
        IssuedSession older = sessions().start(member, "Tablet");
        now = now.plus(Duration.ofMinutes(1));
        IssuedSession newer = sessions().start(member, "Phone");
        sessions().start(UUID.randomUUID().toString(), "Someone else's");
        now = now.plus(Duration.ofMinutes(1));
        sessions().rotate(older.refreshToken(), SessionsTest::anyone).orElseThrow();

        assertThat(sessions().active(member, validAfter)).extracting(Session::id)
                .containsExactly(older.sessionId(), newer.sessionId());
        assertThat(sessions().active(member, null)).extracting(Session::id).contains(voided.sessionId());
    }

    @Test
    void thePurgeRemovesExpiredSessionsAndTokensOnly() {
        IssuedSession expired = sessions().start(UUID.randomUUID().toString(), "Firefox");
        now = now.plus(Duration.ofDays(1));
        IssuedSession live = sessions().start(UUID.randomUUID().toString(), "Firefox");

        sessions().purge(T0.plus(TTL));

        assertThat(mongo.findById(expired.sessionId(), Session.class)).isNull();
        assertThat(mongo.findById(Sessions.hash(expired.refreshToken()), RefreshToken.class)).isNull();
        assertThat(mongo.findById(live.sessionId(), Session.class)).isNotNull();
        assertThat(mongo.findById(Sessions.hash(live.refreshToken()), RefreshToken.class)).isNotNull();
    }

    @Test
    void userAgentsAreKeptPrintableAndShort() {
        assertThat(Session.device("Mozilla/5.0\u0000\u001b[31m (X11)\r\n")).isEqualTo("Mozilla/5.0  [31m (X11)");
        assertThat(Session.device("x".repeat(10_000))).hasSize(Session.USER_AGENT_LENGTH);
        assertThat(Session.device(" \t ")).isNull();
        assertThat(Session.device(null)).isNull();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
