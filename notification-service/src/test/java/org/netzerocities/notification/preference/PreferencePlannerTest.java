package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.preference.ChannelPlan.EmailMode;
import org.netzerocities.support.member.RefusedMembers;
import org.netzerocities.testsupport.SharedInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The planner on the shared database: preferences, quiet hours in the member's zone, the weekly budget. */
class PreferencePlannerTest {

    private static final MongoClient client = MongoClients.create(SharedInfrastructure.mongoUri());
    private static final MongoTemplate mongo = new MongoTemplate(client, "preference-planner-test");
    private static final int CAP = 3;
    /** A Wednesday, 12:00 UTC. */
    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    private final PreferenceStore store = new PreferenceStore(mongo, new RefusedMembers(mongo, Duration.ofSeconds(1)),
            Clock.systemUTC());
    private final EmailBudget budget = new EmailBudget(mongo, new WeeklyBudget(CAP));
    private final PreferencePlanner planner = new PreferencePlanner(store, budget);
    private final String memberId = UUID.randomUUID().toString();

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void beyondTheWeeklyBudgetTheMembersLaterEmailsGoToTheDigestOldestFirstNow() {
        List<ChannelPlan> plans = planner.plan(drafts(memberId, 5), Map.of(), NOON);

        assertThat(plans).extracting(ChannelPlan::email).containsExactly(EmailMode.IMMEDIATE, EmailMode.IMMEDIATE,
                EmailMode.IMMEDIATE, EmailMode.DIGEST, EmailMode.DIGEST);
        assertThat(plans).allMatch(plan -> plan.inApp() && plan.live());
    }

    @Test
    void theBudgetCarriesOverBatchesOfTheSameWeekAndStartsAfreshTheNext() {
        planner.plan(drafts(memberId, 2), Map.of(), NOON);

        assertThat(planner.plan(drafts(memberId, 2), Map.of(), NOON.plus(Duration.ofDays(1))))
                .extracting(ChannelPlan::email).containsExactly(EmailMode.IMMEDIATE, EmailMode.DIGEST);
        assertThat(planner.plan(drafts(memberId, 1), Map.of(), NOON.plus(Duration.ofDays(7))))
                .extracting(ChannelPlan::email).containsExactly(EmailMode.IMMEDIATE);
    }

    @Test
    void whatWentToTheDigestDoesNotUseTheBudget() {
        planner.plan(drafts(memberId, 5), Map.of(), NOON);

        assertThat(budget.of(memberId)).containsExactly(new EmailBudget.WeekCount("2026-W48", CAP));
    }

    @Test
    void eachMemberHasTheirOwnBudget() {
        String other = UUID.randomUUID().toString();
        List<NotificationDraft> batch = new ArrayList<>(drafts(memberId, 4));
        batch.addAll(drafts(other, 1));

        assertThat(planner.plan(batch, Map.of(), NOON)).extracting(ChannelPlan::email).containsExactly(
                EmailMode.IMMEDIATE, EmailMode.IMMEDIATE, EmailMode.IMMEDIATE, EmailMode.DIGEST, EmailMode.IMMEDIATE);
    }

    @Test
    void quietHoursAreTheMembersInTheirTimeZoneAndUtcWithoutOne() {
        store.save(memberId, new NotificationPreferences(NotificationPreferences.DEFAULTS.channels(), Set.of(),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))));
        Instant lateInTokyo = Instant.parse("2026-11-25T14:00:00Z"); // 23:00 in Tokyo

        assertThat(planner.plan(drafts(memberId, 1), Map.of(memberId, contact("Asia/Tokyo")), lateInTokyo))
                .extracting(ChannelPlan::email).containsExactly(EmailMode.DIGEST);
        assertThat(planner.plan(drafts(memberId, 1), Map.of(), lateInTokyo))
                .extracting(ChannelPlan::email).containsExactly(EmailMode.IMMEDIATE);
        assertThat(planner.plan(drafts(memberId, 1), Map.of(memberId, contact("Not/AZone")), lateInTokyo))
                .extracting(ChannelPlan::email).containsExactly(EmailMode.IMMEDIATE);
    }

    @Test
    void twoInstancesPlanningTheSameMemberAtOnceNeverExceedTheBudget() throws Exception {
        List<Callable<List<ChannelPlan>>> instances = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            PreferencePlanner instance = new PreferencePlanner(store, new EmailBudget(mongo, new WeeklyBudget(CAP)));
            instances.add(() -> instance.plan(drafts(memberId, 2), Map.of(), NOON));
        }
        ExecutorService pool = Executors.newFixedThreadPool(instances.size());
        try {
            long immediate = 0;
            for (Future<List<ChannelPlan>> plans : pool.invokeAll(instances)) {
                immediate += plans.get().stream().filter(plan -> plan.email() == EmailMode.IMMEDIATE).count();
            }
            assertThat(immediate).isLessThanOrEqualTo(CAP);
        }
        finally {
            pool.shutdownNow();
        }
    }

    private static List<NotificationDraft> drafts(String memberId, int count) {
        List<NotificationDraft> drafts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String eventId = UUID.randomUUID().toString();
            drafts.add(new NotificationDraft(NotificationDraft.idFor(eventId, memberId), memberId, Kind.MENTION,
                    Map.of(), null, eventId, NOON));
        }
        return drafts;
    }

    private MemberContact contact(String timeZone) {
        return new MemberContact(memberId, null, null, "en", timeZone, null, null, null, null, null, null);
    }
}
