package org.netzerocities.campaign.campaign;

import java.time.Instant;

/**
 * A campaign's KPI targets against what was measured. Reach and engagement come from its published posts' metrics
 * (collected from Instagram's insights, or entered by the leadership team): engagement rate is likes, comments,
 * saves and shares per reach, in percent, null until some reach is known. Responses are the members who answered
 * the call to action, new members those who joined through the campaign's link.
 *
 * @param metricsCollectedAt the latest collection among the posts' metrics, null when none has any
 */
public record KpiReport(String campaignId, String campaignRef, NewCampaign.KpiTargets targets, Measured measured,
        int posts, int publishedPosts, Instant metricsCollectedAt) {

    public record Measured(long reach, Double engagementRate, long engagements, long responses, long newMembers) {
    }
}
