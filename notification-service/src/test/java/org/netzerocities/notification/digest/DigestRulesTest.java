package org.netzerocities.notification.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.Kind;

class DigestRulesTest {

    private static final DigestRules RULES = new DigestRules(LocalTime.of(8, 0), 3);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 08:30 in Paris in winter. */
    private static final Instant MORNING_IN_PARIS = Instant.parse("2026-11-25T07:30:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void aMemberIsNotDueBeforeEightOnTheirOwnClock() {
        // 07:30 UTC is already 08:30 in Paris but only 07:30 in London
        assertThat(decide(List.of(unread("n1", 1)), ZoneId.of("Europe/London"), null, MORNING_IN_PARIS))
                .isNull();
        assertThat(decide(List.of(unread("n1", 1)), PARIS, null, MORNING_IN_PARIS)).isNotNull();
    }

    @Test
    void eightOClockIsReadOnTheMembersCalendarAcrossSummerTime() {
        // 06:30 UTC is 08:30 in Paris in summer, 07:30 in winter
        assertThat(decide(List.of(unread("n1", 1)), PARIS, null, Instant.parse("2026-07-01T06:30:00Z")))
                .isNotNull();
        assertThat(decide(List.of(unread("n1", 1)), PARIS, null, Instant.parse("2026-12-01T06:30:00Z")))
                .isNull();
    }

    @Test
    void aMemberWhoHadADigestTodayIsNotDueAgainButIsTomorrow() {
        assertThat(decide(List.of(unread("n1", 1)), PARIS, TODAY, MORNING_IN_PARIS)).isNull();
        assertThat(decide(List.of(unread("n1", 1)), PARIS, TODAY.minusDays(1), MORNING_IN_PARIS))
                .isNotNull();
    }

    @Test
    void theDigestListsTheUnreadNotificationsNewestFirstUnderItsDailyId() {
        DigestRules.Decision decision = decide(List.of(unread("n3", 3), unread("n2", 2), unread("n1", 1)),
                PARIS, null, MORNING_IN_PARIS);

        EmailRequest email = decision.email();
        assertThat(email.id()).isEqualTo("digest~m~2026-11-25");
        assertThat(email.kind()).isEqualTo(Kind.DIGEST);
        assertThat(email.memberId()).isEqualTo("m");
        assertThat(email.entries()).extracting(EmailRequest.DigestEntry::notificationId)
                .containsExactly("n3", "n2", "n1");
        assertThat(email.entries().get(0).title()).isEqualTo("title n3");
        assertThat(email.params()).containsEntry("count", "3");
        assertThat(decision.sent()).containsExactly("n3", "n2", "n1");
        assertThat(decision.skipped()).isEmpty();
        assertThat(decision.localDate()).isEqualTo(TODAY);
    }

    @Test
    void readNotificationsAreLeftOutOfTheDigestAndSkipped() {
        DigestRules.Decision decision = decide(List.of(unread("n2", 2), read("n1", 1)), PARIS, null,
                MORNING_IN_PARIS);

        assertThat(decision.email().entries()).extracting(EmailRequest.DigestEntry::notificationId)
                .containsExactly("n2");
        assertThat(decision.skipped()).containsExactly("n1");
    }

    @Test
    void whenEverythingWasReadThereIsNoEmailAndTheDayIsDone() {
        DigestRules.Decision decision = decide(List.of(read("n2", 2), read("n1", 1)), PARIS, null,
                MORNING_IN_PARIS);

        assertThat(decision.email()).isNull();
        assertThat(decision.sent()).isEmpty();
        assertThat(decision.skipped()).containsExactly("n2", "n1");
        assertThat(decision.localDate()).isEqualTo(TODAY);
    }

    @Test
    void aLongDigestListsTheNewestAndCountsThemAll() {
        List<PendingItem> pending = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            pending.add(unread("n" + i, i));
        }

        DigestRules.Decision decision = decide(pending, PARIS, null, MORNING_IN_PARIS);

        assertThat(decision.email().entries()).extracting(EmailRequest.DigestEntry::notificationId)
                .containsExactly("n5", "n4", "n3");
        assertThat(decision.email().params()).containsEntry("count", "5");
        assertThat(decision.sent()).hasSize(5);
    }

    @Test
    void aNotificationOfAKindNoLongerKnownIsSkippedNotSent() {
        PendingItem removed = new PendingItem("old", "REMOVED_KIND", "t", "b", null, at(1), false);

        DigestRules.Decision decision = decide(List.of(unread("n2", 2), removed), ZoneOffset.UTC, null,
                MORNING_IN_PARIS.plusSeconds(3600));

        assertThat(decision.email().entries()).hasSize(1);
        assertThat(decision.skipped()).containsExactly("old");
    }

    @Test
    void aMemberWhoTurnedTheDigestOffGetsNoEmailAndEverythingIsSkipped() {
        DigestRules.Decision decision = RULES.decide("m", List.of(unread("n2", 2), unread("n1", 1)), PARIS, null,
                false, MORNING_IN_PARIS);

        assertThat(decision.email()).isNull();
        assertThat(decision.sent()).isEmpty();
        assertThat(decision.skipped()).containsExactly("n2", "n1");
    }

    private static DigestRules.Decision decide(List<PendingItem> pending, ZoneId zone, LocalDate lastDigestDate,
            Instant now) {
        return RULES.decide("m", pending, zone, lastDigestDate, true, now);
    }

    private static PendingItem unread(String id, int minute) {
        return new PendingItem(id, Kind.MENTION.name(), "title " + id, "body " + id, "/x/" + id, at(minute), false);
    }

    private static PendingItem read(String id, int minute) {
        return new PendingItem(id, Kind.MENTION.name(), "title " + id, "body " + id, null, at(minute), true);
    }

    private static Instant at(int minute) {
        return Instant.parse("2026-11-24T10:00:00Z").plusSeconds(60L * minute);
    }
}
