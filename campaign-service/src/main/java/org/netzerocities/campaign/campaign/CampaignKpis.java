package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.netzerocities.campaign.publishing.Publications;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.campaign.publishing.Publications.PublicationView;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Measures a campaign against its KPI targets. */
@Service
class CampaignKpis {

    /** The metrics that count as engagement with a post. */
    static final List<String> ENGAGEMENTS = List.of("likes", "comments", "saves", "shares");
    static final String REACH = "reach";

    private final MongoTemplate mongo;
    private final Campaigns campaigns;
    private final CallsToAction calls;
    private final Publications publications;

    CampaignKpis(MongoTemplate mongo, Campaigns campaigns, CallsToAction calls, Publications publications) {
        this.mongo = mongo;
        this.campaigns = campaigns;
        this.calls = calls;
        this.publications = publications;
    }

    /** @throws org.netzerocities.support.ApiProblem 404 unknown campaign, 403 not its channel's teams nor admin */
    KpiReport report(String campaignId, Caller caller) {
        Campaign campaign = campaigns.readable(campaignId, caller);
        Query ofCampaign = Query.query(Criteria.where(CampaignPost.CAMPAIGN_ID).is(campaignId));
        ofCampaign.fields().include("_id");
        List<String> postIds = mongo.find(ofCampaign, CampaignPost.class).stream().map(CampaignPost::id).toList();
        List<PublicationView> published = postIds.isEmpty() ? List.of() : publications.publications(postIds).stream()
                .filter(view -> view.status() == PublicationStatus.PUBLISHED).toList();
        return measure(campaign, postIds.size(), published, calls.responses(campaignId),
                CampaignAttribution.attributed(mongo, campaignId));
    }

    static KpiReport measure(Campaign campaign, int posts, List<PublicationView> published, long responses,
            long newMembers) {
        long reach = published.stream().mapToLong(view -> metric(view.metrics(), REACH)).sum();
        long engagements = published.stream()
                .mapToLong(view -> ENGAGEMENTS.stream().mapToLong(name -> metric(view.metrics(), name)).sum()).sum();
        Double rate = reach == 0 ? null : Math.round(engagements * 10_000.0 / reach) / 100.0;
        Instant collected = published.stream().map(PublicationView::metricsCollectedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        return new KpiReport(campaign.id(), campaign.campaignRef(), campaign.kpis(),
                new KpiReport.Measured(reach, rate, engagements, responses, newMembers), posts, published.size(),
                collected);
    }

    private static long metric(Map<String, Long> metrics, String name) {
        Long value = metrics == null ? null : metrics.get(name);
        return value == null ? 0 : value;
    }
}
