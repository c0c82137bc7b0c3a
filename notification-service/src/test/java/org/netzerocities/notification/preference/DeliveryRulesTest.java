package org.netzerocities.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;
import org.netzerocities.notification.preference.ChannelPlan.EmailMode;

class DeliveryRulesTest {

    private static final NotificationPreferences DEFAULTS = NotificationPreferences.DEFAULTS;

    @Test
    void aCriticalNotificationGoesEverywhereAtOnceWhateverTheMemberChose() {
        NotificationPreferences nothing = with(Category.SYSTEM, new ChannelChoice(false, false, EmailChoice.OFF));

        assertThat(DeliveryRules.plan(Category.SYSTEM, true, false, nothing, true))
                .isEqualTo(new ChannelPlan(true, true, EmailMode.IMMEDIATE));
    }

    @Test
    void anOptInNotificationTheMemberDidNotAskForGoesNowhere() {
        assertThat(DeliveryRules.plan(Category.EVENTS, false, true, DEFAULTS, false)).isEqualTo(ChannelPlan.NOWHERE);
    }

    @Test
    void anOptInNotificationTheMemberAskedForFollowsTheCategorysSwitches() {
        assertThat(DeliveryRules.plan(Category.EVENTS, false, false, DEFAULTS, false))
                .isEqualTo(new ChannelPlan(true, true, EmailMode.IMMEDIATE));
    }

    @Test
    void theDefaultsSendMostAtOnceAndCampaignsToTheDigest() {
        assertThat(DeliveryRules.plan(Category.COMMUNITY, false, false, DEFAULTS, false))
                .isEqualTo(new ChannelPlan(true, true, EmailMode.IMMEDIATE));
        assertThat(DeliveryRules.plan(Category.CAMPAIGNS, false, false, DEFAULTS, false))
                .isEqualTo(new ChannelPlan(true, true, EmailMode.DIGEST));
    }

    @Test
    void eachChannelFollowsItsOwnSwitch() {
        NotificationPreferences emailOff = with(Category.LEARNING, new ChannelChoice(true, false, EmailChoice.OFF));
        assertThat(DeliveryRules.plan(Category.LEARNING, false, false, emailOff, false))
                .isEqualTo(new ChannelPlan(true, false, EmailMode.NONE));

        NotificationPreferences digestOnly = with(Category.LEARNING,
                new ChannelChoice(false, false, EmailChoice.DAILY_DIGEST));
        assertThat(DeliveryRules.plan(Category.LEARNING, false, false, digestOnly, false))
                .isEqualTo(new ChannelPlan(false, false, EmailMode.DIGEST));
    }

    @Test
    void liveNeedsTheInbox() {
        NotificationPreferences liveOnly = with(Category.EVENTS, new ChannelChoice(false, true, EmailChoice.OFF));

        assertThat(DeliveryRules.plan(Category.EVENTS, false, false, liveOnly, false)).isEqualTo(ChannelPlan.NOWHERE);
    }

    @Test
    void anImmediateEmailInsideQuietHoursWaitsForTheDigest() {
        assertThat(DeliveryRules.plan(Category.EVENTS, false, false, DEFAULTS, true))
                .isEqualTo(new ChannelPlan(true, true, EmailMode.DIGEST));
    }

    @Test
    void anEmailTheMemberTurnedOffStaysOffInQuietHours() {
        NotificationPreferences emailOff = with(Category.EVENTS, new ChannelChoice(true, true, EmailChoice.OFF));

        assertThat(DeliveryRules.plan(Category.EVENTS, false, false, emailOff, true).email()).isEqualTo(EmailMode.NONE);
    }

    @Test
    void overTheBudgetTheEmailGoesToTheDigestAndTheOtherChannelsStay() {
        assertThat(DeliveryRules.overBudget(new ChannelPlan(true, false, EmailMode.IMMEDIATE), DEFAULTS))
                .isEqualTo(new ChannelPlan(true, false, EmailMode.DIGEST));
    }

    @Test
    void withoutTheDigestEmailWhatWouldWaitForItIsNotEmailed() {
        NotificationPreferences noDigest = with(Category.SYSTEM, new ChannelChoice(true, true, EmailChoice.OFF));

        assertThat(DeliveryRules.plan(Category.CAMPAIGNS, false, false, noDigest, false).email())
                .isEqualTo(EmailMode.NONE);
        assertThat(DeliveryRules.plan(Category.EVENTS, false, false, noDigest, true).email())
                .isEqualTo(EmailMode.NONE);
        assertThat(DeliveryRules.plan(Category.EVENTS, false, false, noDigest, false).email())
                .isEqualTo(EmailMode.IMMEDIATE);
        assertThat(DeliveryRules.overBudget(new ChannelPlan(true, true, EmailMode.IMMEDIATE), noDigest).email())
                .isEqualTo(EmailMode.NONE);
    }

    private static NotificationPreferences with(Category category, ChannelChoice choice) {
        Map<Category, ChannelChoice> channels = new EnumMap<>(DEFAULTS.channels());
        channels.put(category, choice);
        return new NotificationPreferences(channels, Set.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    }
}
