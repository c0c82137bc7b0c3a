package org.netzerocities.campaign.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.netzerocities.campaign.publishing.PublicUrls;
import org.netzerocities.support.ApiProblem.FieldError;

/**
 * What a new campaign must satisfy beyond its fields' own constraints: a schedule that has not ended and spans at
 * most two years, a sub-theme of its pillar written for its audience, and the details block of its kind only.
 */
final class CampaignRules {

    static final Duration LONGEST = Duration.ofDays(2 * 366);

    private static final Map<CampaignKind, String> DETAILS = Map.of(
            CampaignKind.COMMUNICATION_SERIES, "series",
            CampaignKind.COLLABORATION_POST, "collaboration",
            CampaignKind.CONTENT_CREATION, "content",
            CampaignKind.CALL_TO_ACTION, "callToAction");

    private CampaignRules() {
    }

    /** The fields at fault; empty when the campaign may be launched at {@code now}. */
    static List<FieldError> check(NewCampaign campaign, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (!campaign.endsAt().isAfter(campaign.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        }
        else if (Duration.between(campaign.startsAt(), campaign.endsAt()).compareTo(LONGEST) > 0) {
            errors.add(new FieldError("endsAt", "must be at most two years after startsAt"));
        }
        else if (!campaign.endsAt().isAfter(now)) {
            errors.add(new FieldError("endsAt", "must be in the future"));
        }
        if (campaign.subTheme().pillar() != campaign.pillar()) {
            errors.add(new FieldError("subTheme", campaign.subTheme() + " belongs to " + campaign.subTheme().pillar()
                    + ", not " + campaign.pillar()));
        }
        else if (!campaign.subTheme().speaksTo(campaign.audience())) {
            errors.add(new FieldError("subTheme", campaign.subTheme() + " is not a sub-theme for this audience"));
        }
        if (new HashSet<>(campaign.audience()).size() != campaign.audience().size()) {
            errors.add(new FieldError("audience", "must not repeat an audience"));
        }
        Map<String, Object> blocks = new LinkedHashMap<>();
        blocks.put("series", campaign.series());
        blocks.put("collaboration", campaign.collaboration());
        blocks.put("content", campaign.content());
        blocks.put("callToAction", campaign.callToAction());
        String expected = DETAILS.get(campaign.kind());
        blocks.forEach((name, block) -> {
            if (name.equals(expected) && block == null) {
                errors.add(new FieldError(name, "is required for a " + campaign.kind() + " campaign"));
            }
            else if (!name.equals(expected) && block != null) {
                errors.add(new FieldError(name, "belongs to another kind of campaign than " + campaign.kind()));
            }
        });
        if (campaign.kind() == CampaignKind.COLLABORATION_POST && campaign.collaboration() != null) {
            checkHandles(campaign.collaboration(), errors);
        }
        if (campaign.kind() == CampaignKind.CONTENT_CREATION && campaign.content() != null) {
            checkContent(campaign.content(), errors);
        }
        if (campaign.kind() == CampaignKind.CALL_TO_ACTION && campaign.callToAction() != null) {
            checkCallToAction(campaign, now, errors);
        }
        return errors;
    }

    private static void checkHandles(NewCampaign.Collaboration collaboration, List<FieldError> errors) {
        if (collaboration.handles().stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct()
                .count() != collaboration.handles().size()) {
            errors.add(new FieldError("collaboration.handles", "must not repeat a handle"));
        }
    }

    private static void checkContent(NewCampaign.Content content, List<FieldError> errors) {
        if (content.link() == null) {
            if (content.format() != NewCampaign.ContentFormat.IMPACT_STORY) {
                errors.add(new FieldError("content.link", "is required for a " + content.format()));
            }
            return;
        }
        String problem = PublicUrls.problem(content.link());
        if (problem != null) {
            errors.add(new FieldError("content.link", problem));
        }
    }

    private static void checkCallToAction(NewCampaign campaign, Instant now, List<FieldError> errors) {
        NewCampaign.CallToAction call = campaign.callToAction();
        if (!call.deadline().isAfter(now)) {
            errors.add(new FieldError("callToAction.deadline", "must be in the future"));
        }
        if (call.deadline().isAfter(campaign.endsAt())) {
            errors.add(new FieldError("callToAction.deadline", "must not be after the campaign's end"));
        }
        if (call.questions().stream().map(NewCampaign.Question::id).filter(Objects::nonNull).distinct()
                .count() != call.questions().size()) {
            errors.add(new FieldError("callToAction.questions", "must not repeat a question id"));
        }
    }
}
