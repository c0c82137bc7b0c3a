package org.netzerocities.community.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventSchemas;
import org.netzerocities.events.kafka.EventCodec;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.support.ApiProblem;

import com.jayway.jsonpath.JsonPath;

class CallToJoinTest {

    private static final Instant NOW = Instant.parse("2026-03-10T09:00:00Z");
    private static final EventFactory EVENTS = new EventFactory("/test", new EventCodec(),
            Clock.fixed(NOW, ZoneOffset.UTC), () -> null);

    @Test
    void aCallIsOpenUntilItsClosingInstantExcluded() {
        CallToJoin call = launch(NOW.plus(Duration.ofDays(30)));

        assertThat(call.isOpenAt(NOW)).isTrue();
        assertThat(call.isOpenAt(call.closesAt().minusMillis(1))).isTrue();
        assertThat(call.isOpenAt(call.closesAt())).isFalse();
        assertThat(call.isOpenAt(call.closesAt().plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void aCallClosesInTheFuture() {
        assertRefused(NOW, "must be in the future");
        assertRefused(NOW.minusSeconds(1), "must be in the future");
        assertThat(launch(NOW.plusMillis(1)).closesAt()).isEqualTo(NOW.plusMillis(1));
    }

    @Test
    void aCallClosesWithinAYear() {
        Instant inAYear = Instant.parse("2027-03-10T09:00:00Z");
        assertThat(CallToJoin.latestClosingDate(NOW)).isEqualTo(inAYear);
        assertThat(launch(inAYear).closesAt()).isEqualTo(inAYear);
        assertRefused(inAYear.plusMillis(1), "must be at most one year ahead");
        assertRefused(Instant.MAX, "must be at most one year ahead");
    }

    @Test
    void launchingRecordsCallToJoinLaunchedWithTheCall() {
        CallToJoin call = launch(NOW.plus(Duration.ofDays(30)));

        assertThat(call.outbox()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventCatalog.CALL_TO_JOIN_LAUNCHED.type());
            assertThat(event.topic()).isEqualTo(EventCatalog.COMMUNITY_CALLS_TOPIC);
            assertThat(event.key()).isEqualTo("call-1");
            assertThat(new EventSchemas().violations(EventCatalog.CALL_TO_JOIN_LAUNCHED, event.data())).isEmpty();
            assertThat(JsonPath.<String>read(event.data(), "$.code")).isEqualTo("CLUJ-7KQ2X");
            assertThat(JsonPath.<String>read(event.data(), "$.launchedBy")).isEqualTo("member-1");
            assertThat(JsonPath.<List<String>>read(event.data(), "$.topics")).containsExactly("energy");
        });
        assertThat(call.joins()).isZero();
    }

    private static CallToJoin launch(Instant closesAt) {
        return CallToJoin.launch("call-1", "CLUJ-7KQ2X",
                new CallToJoin.NewCall("cluj-napoca", "Join us", "Text", List.of("energy"), closesAt), "member-1",
                NOW, EVENTS);
    }

    private static void assertRefused(Instant closesAt, String message) {
        assertThatThrownBy(() -> launch(closesAt)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getBody().getProperties()).extractingByKey("errors")
                        .isEqualTo(List.of(new ApiProblem.FieldError("closesAt", message))));
    }
}
