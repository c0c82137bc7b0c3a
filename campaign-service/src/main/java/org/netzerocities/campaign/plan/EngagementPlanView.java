package org.netzerocities.campaign.plan;

import java.time.Instant;
import java.util.List;

/**
 * An engagement plan as its frontrunner, their city's transition team (once shared) and their data export see it.
 *
 * @param authorName the frontrunner's display name, as campaigns know it
 * @param sharedWith the city whose transition team reads the plan, null until shared
 * @param revision   to send back when replacing the plan
 */
record EngagementPlanView(String id, String memberId, String authorName, String city, String title, String goals,
        String audience, List<String> channels, List<PlannedAction> actions, List<String> contentLinks,
        String sharedWith, Instant sharedAt, Instant createdAt, Instant updatedAt, long revision) {

    static EngagementPlanView of(EngagementPlan plan, String authorName) {
        return new EngagementPlanView(plan.id(), plan.memberId(), authorName, plan.city(), plan.title(), plan.goals(),
                plan.audience(), plan.channels(), plan.actions(), plan.contentLinks(), plan.sharedWith(),
                plan.sharedAt(), plan.createdAt(), plan.updatedAt(), plan.revision());
    }
}
