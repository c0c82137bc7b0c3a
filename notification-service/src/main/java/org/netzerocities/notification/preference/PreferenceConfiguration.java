package org.netzerocities.notification.preference;

import java.time.Clock;
import java.util.List;

import org.netzerocities.events.Periodic;
import org.netzerocities.events.consumer.EventHandler;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.community.MemberErased;
import org.netzerocities.support.schedule.ClusterLease;
import org.netzerocities.support.privacy.PersonalData;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Preferences and email budgets are the member's: in their export, gone with their account. Past weeks' budget
 * counters are purged once across instances.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PreferenceProperties.class)
class PreferenceConfiguration {

    @Bean
    EmailBudget emailBudget(MongoTemplate mongo, PreferenceProperties properties) {
        EmailBudget budget = new EmailBudget(mongo, new WeeklyBudget(properties.weeklyEmailBudget()));
        budget.createIndexes();
        return budget;
    }

    @Bean
    DeliveryPlanner deliveryPlanner(PreferenceStore preferences, EmailBudget budget) {
        return new PreferencePlanner(preferences, budget);
    }

    @Bean
    Periodic emailBudgetPurge(ClusterLease lease, EmailBudget budget, PreferenceProperties properties, Clock clock) {
        return lease.every("email-budget-purge", properties.budgetPurgeInterval(),
                () -> budget.purge(clock.instant()));
    }

    /** What the member chose (null when they never chose: the defaults apply) and this week's email counts. */
    @Bean
    PersonalData notificationPreferencesOfMember(PreferenceStore preferences, EmailBudget budget) {
        return new PersonalData("notificationPreferences", memberId -> new HeldPreferences(
                preferences.stored(memberId).map(chosen -> PreferencesView.of(chosen, budget.cap())).orElse(null),
                budget.of(memberId)));
    }

    record HeldPreferences(PreferencesView preferences, List<EmailBudget.WeekCount> emailBudget) {
    }

    @Bean
    EventHandler<MemberErased> preferencesOfErasedMember(PreferenceStore preferences, EmailBudget budget) {
        return EventHandler.on(EventCatalog.MEMBER_ERASED, (erased, event) -> {
            preferences.forget(erased.memberId());
            budget.forget(erased.memberId());
        });
    }
}
