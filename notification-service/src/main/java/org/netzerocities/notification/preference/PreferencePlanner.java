package org.netzerocities.notification.preference;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.NotificationDraft;
import org.netzerocities.notification.preference.ChannelPlan.EmailMode;

/**
 * Plans a batch of drafts from their members' preferences ({@link DeliveryRules}), quiet hours and weekly budget
 * (in each member's time zone, UTC when unknown): one read of the batch's preferences and, when it has immediate
 * emails, one bulk write and one read of their budgets. Within the budget, a member's earlier drafts go first.
 */
class PreferencePlanner implements DeliveryPlanner {

    private final PreferenceStore preferences;
    private final EmailBudget budget;

    PreferencePlanner(PreferenceStore preferences, EmailBudget budget) {
        this.preferences = preferences;
        this.budget = budget;
    }

    @Override
    public List<ChannelPlan> plan(List<NotificationDraft> drafts, Map<String, MemberContact> contacts, Instant now) {
        Map<String, NotificationPreferences> chosen = preferences
                .of(drafts.stream().map(NotificationDraft::memberId).distinct().toList());
        Map<String, ZoneId> zones = new HashMap<>();
        List<ChannelPlan> plans = new ArrayList<>(drafts.size());
        Map<String, Integer> immediate = new LinkedHashMap<>();
        for (NotificationDraft draft : drafts) {
            String memberId = draft.memberId();
            ZoneId zone = zones.computeIfAbsent(memberId, id -> MemberZones.of(timeZoneOf(contacts.get(id))));
            NotificationPreferences member = chosen.get(memberId);
            boolean quiet = member.quietHours() != null && member.quietHours().covers(now, zone);
            ChannelPlan plan = DeliveryRules.plan(draft.kind(), member, quiet);
            plans.add(plan);
            if (plan.email() == EmailMode.IMMEDIATE && !draft.kind().critical()) {
                immediate.merge(memberId, 1, Integer::sum);
            }
        }
        Map<String, Integer> allowed = budget.take(immediate, zones, now);
        for (int i = 0; i < plans.size(); i++) {
            NotificationDraft draft = drafts.get(i);
            ChannelPlan plan = plans.get(i);
            if (plan.email() == EmailMode.IMMEDIATE && !draft.kind().critical()) {
                int left = allowed.getOrDefault(draft.memberId(), 0);
                if (left > 0) {
                    allowed.put(draft.memberId(), left - 1);
                }
                else {
                    plans.set(i, DeliveryRules.overBudget(plan, chosen.get(draft.memberId())));
                }
            }
        }
        return plans;
    }

    private static String timeZoneOf(MemberContact contact) {
        return contact == null ? null : contact.timeZone();
    }
}
