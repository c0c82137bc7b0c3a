package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.netzerocities.campaign.channel.Channels.ChannelView;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.campaign.CallToActionLaunched;
import org.netzerocities.events.contract.campaign.CampaignLaunched;
import org.netzerocities.events.outbox.EventFactory;
import org.netzerocities.events.outbox.OutboxAggregate;
import org.netzerocities.events.outbox.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A campaign of a channel, launched when created: its kind and details, audience, narrative, schedule and KPI
 * targets, and the tracked reference its links carry. {@code createdBy} is cleared when that member is erased;
 * the campaign itself belongs to the channel.
 */
@Document(Campaign.COLLECTION)
@CompoundIndex(name = "channel_kind_starts", def = "{'channelId': 1, 'kind': 1, 'startsAt': -1}")
@CompoundIndex(name = "created_by", def = "{'createdBy': 1}")
class Campaign implements OutboxAggregate {

    static final String COLLECTION = "campaigns";
    static final String CHANNEL_ID = "channelId";
    static final String KIND = "kind";
    static final String CAMPAIGN_REF = "campaignRef";
    static final String CREATED_BY = "createdBy";
    static final String STARTS_AT = "startsAt";

    @Id
    private final String id;
    @Indexed(unique = true)
    private final String campaignRef;
    private final String channelId;
    private final String city;
    private final CampaignKind kind;
    private final String title;
    private final String description;
    private final List<TargetAudience> audience;
    private final NarrativePillar pillar;
    private final SubTheme subTheme;
    private final Instant startsAt;
    private final Instant endsAt;
    private final NewCampaign.KpiTargets kpis;
    private final NewCampaign.Series series;
    private final NewCampaign.Collaboration collaboration;
    private final NewCampaign.Content content;
    private final NewCampaign.CallToAction callToAction;
    private final String createdBy;
    private final Instant launchedAt;
    @Version
    private Long version;
    private final List<PendingEvent> outbox;

    @PersistenceCreator
    Campaign(String id, String campaignRef, String channelId, String city, CampaignKind kind, String title,
            String description, List<TargetAudience> audience, NarrativePillar pillar, SubTheme subTheme,
            Instant startsAt, Instant endsAt, NewCampaign.KpiTargets kpis, NewCampaign.Series series,
            NewCampaign.Collaboration collaboration, NewCampaign.Content content,
            NewCampaign.CallToAction callToAction, String createdBy, Instant launchedAt, Long version,
            List<PendingEvent> outbox) {
        this.id = id;
        this.campaignRef = campaignRef;
        this.channelId = channelId;
        this.city = city;
        this.kind = kind;
        this.title = title;
        this.description = description;
        this.audience = List.copyOf(audience);
        this.pillar = pillar;
        this.subTheme = subTheme;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.kpis = kpis;
        this.series = series;
        this.collaboration = collaboration;
        this.content = content;
        this.callToAction = callToAction;
        this.createdBy = createdBy;
        this.launchedAt = launchedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /**
     * Launches a checked campaign on {@code channel}: CampaignLaunched, and for a call to action also
     * CallToActionLaunched for the channel's city (null on the main channel: every member is invited).
     */
    static Campaign launch(String id, String campaignRef, NewCampaign request, ChannelView channel, String by,
            Instant now, EventFactory events) {
        var campaign = new Campaign(id, campaignRef, channel.channelId(), channel.city(), request.kind(),
                request.title().strip(), blankToNull(request.description()), request.audience(), request.pillar(),
                request.subTheme(), request.startsAt(), request.endsAt(),
                request.kpis() == null ? new NewCampaign.KpiTargets(null, null, null, null) : request.kpis(),
                request.series(), request.collaboration(), request.content(), request.callToAction(), by, now, null,
                List.of());
        campaign.outbox.add(events.create(EventCatalog.CAMPAIGN_LAUNCHED, id, new CampaignLaunched(id, campaignRef,
                campaign.channelId, campaign.kind.name(), campaign.title,
                campaign.audience.stream().map(Enum::name).toList(), campaign.pillar.name(), campaign.startsAt,
                campaign.endsAt)));
        if (campaign.kind == CampaignKind.CALL_TO_ACTION) {
            campaign.outbox.add(events.create(EventCatalog.CALL_TO_ACTION_LAUNCHED, id, new CallToActionLaunched(id,
                    campaignRef, campaign.channelId, campaign.city, campaign.title,
                    campaign.callToAction.deadline())));
        }
        return campaign;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Whether members may still respond to this call to action at {@code now}. */
    boolean acceptsResponsesAt(Instant now) {
        return kind == CampaignKind.CALL_TO_ACTION && now.isBefore(callToAction.deadline());
    }

    String id() {
        return id;
    }

    String campaignRef() {
        return campaignRef;
    }

    String channelId() {
        return channelId;
    }

    String city() {
        return city;
    }

    CampaignKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    List<TargetAudience> audience() {
        return audience;
    }

    NarrativePillar pillar() {
        return pillar;
    }

    SubTheme subTheme() {
        return subTheme;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    NewCampaign.KpiTargets kpis() {
        return kpis;
    }

    NewCampaign.Series series() {
        return series;
    }

    NewCampaign.Collaboration collaboration() {
        return collaboration;
    }

    NewCampaign.Content content() {
        return content;
    }

    NewCampaign.CallToAction callToAction() {
        return callToAction;
    }

    String createdBy() {
        return createdBy;
    }

    Instant launchedAt() {
        return launchedAt;
    }

    @Override
    public List<PendingEvent> outbox() {
        return List.copyOf(outbox);
    }
}
