package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Valid campaigns of each kind, for the rule tests to spoil one thing at a time. */
final class Samples {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private Samples() {
    }

    static NewCampaign campaign(CampaignKind kind) {
        return new NewCampaign("channel-1", kind, "Voices of Cluj", null, List.of(TargetAudience.CITIZENS),
                NarrativePillar.EXPANDING_EMPATHY, SubTheme.CONNECTED, NOW, NOW.plus(60, ChronoUnit.DAYS),
                new NewCampaign.KpiTargets(10_000L, 4.5, 50L, 20L), null,
                kind == CampaignKind.COMMUNICATION_SERIES ? series() : null,
                kind == CampaignKind.COLLABORATION_POST ? collaboration("cluj_city") : null,
                kind == CampaignKind.CONTENT_CREATION ? new NewCampaign.Content(NewCampaign.ContentFormat.CASE_STUDY,
                        "https://netzerocities.app/resource-1234") : null,
                kind == CampaignKind.CALL_TO_ACTION ? call(NOW.plus(30, ChronoUnit.DAYS)) : null);
    }

    static NewCampaign.Series series() {
        return new NewCampaign.Series(List.of(NewCampaign.IntervieweeType.CITIZEN,
                NewCampaign.IntervieweeType.PRIVATE_SECTOR), NewCampaign.Recurrence.BIWEEKLY);
    }

    static NewCampaign.Collaboration collaboration(String... handles) {
        return new NewCampaign.Collaboration(NewCampaign.CollaboratorKind.CITY, List.of(handles));
    }

    static NewCampaign.CallToAction call(Instant deadline) {
        return new NewCampaign.CallToAction("Map the cycle lanes your street needs", List.of(
                new NewCampaign.Question("street", "Which street?", true),
                new NewCampaign.Question("why", "Why there?", false)), deadline);
    }
}
