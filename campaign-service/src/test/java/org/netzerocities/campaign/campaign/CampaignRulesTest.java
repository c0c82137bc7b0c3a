package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netzerocities.campaign.campaign.Samples.NOW;
import static org.netzerocities.campaign.campaign.Samples.campaign;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netzerocities.support.ApiProblem.FieldError;

/** What a campaign must satisfy per kind, and which sub-themes go with which pillar and audience (Table 1). */
class CampaignRulesTest {

    private static List<String> faults(NewCampaign campaign) {
        return CampaignRules.check(campaign, NOW).stream().map(FieldError::field).toList();
    }

    private static NewCampaign with(NewCampaign c, NarrativePillar pillar, SubTheme subTheme,
            List<TargetAudience> audience) {
        return new NewCampaign(c.channelId(), c.kind(), c.title(), c.description(), audience, pillar, subTheme,
                c.startsAt(), c.endsAt(), c.kpis(), c.campaignRef(), c.series(), c.collaboration(), c.content(),
                c.callToAction());
    }

    @ParameterizedTest
    @EnumSource(CampaignKind.class)
    void aCampaignWithTheDetailsOfItsKindIsValid(CampaignKind kind) {
        assertThat(faults(campaign(kind))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CampaignKind.class)
    void aCampaignWithoutTheDetailsOfItsKindOrWithAnotherKindsIsRefused(CampaignKind kind) {
        NewCampaign series = campaign(CampaignKind.COMMUNICATION_SERIES);
        NewCampaign other = new NewCampaign(series.channelId(), kind, series.title(), null, series.audience(),
                series.pillar(), series.subTheme(), series.startsAt(), series.endsAt(), null, null, series.series(),
                null, null, null);
        if (kind == CampaignKind.COMMUNICATION_SERIES) {
            assertThat(faults(other)).isEmpty();
        }
        else {
            assertThat(faults(other)).contains("series").hasSize(2);
        }
    }

    @Test
    void everySubThemeBelongsToOnePillar() {
        assertThat(SubTheme.CITIES_JOURNEY.pillar()).isEqualTo(NarrativePillar.EXPANDING_KNOWLEDGE);
        assertThat(SubTheme.NZC_EXPERTISE.pillar()).isEqualTo(NarrativePillar.EXPANDING_KNOWLEDGE);
        assertThat(SubTheme.NZC_CONTENT.pillar()).isEqualTo(NarrativePillar.EXPANDING_KNOWLEDGE);
        assertThat(SubTheme.CONNECTED.pillar()).isEqualTo(NarrativePillar.EXPANDING_EMPATHY);
        assertThat(SubTheme.EMPOWERED.pillar()).isEqualTo(NarrativePillar.EXPANDING_EMPATHY);
        assertThat(SubTheme.INCLUDED.pillar()).isEqualTo(NarrativePillar.EXPANDING_EMPATHY);
        assertThat(SubTheme.TAKE_ACTION.pillar()).isEqualTo(NarrativePillar.EXPANDING_MOVEMENT);
        assertThat(SubTheme.TAKE_OWNERSHIP.pillar()).isEqualTo(NarrativePillar.EXPANDING_MOVEMENT);
        assertThat(SubTheme.MAKE_THE_FUTURE.pillar()).isEqualTo(NarrativePillar.EXPANDING_MOVEMENT);
    }

    @Test
    void aSubThemeOfAnotherPillarIsRefused() {
        NewCampaign c = campaign(CampaignKind.CONTENT_CREATION);
        assertThat(faults(with(c, NarrativePillar.EXPANDING_KNOWLEDGE, SubTheme.TAKE_ACTION, c.audience())))
                .containsExactly("subTheme");
        assertThat(faults(with(c, NarrativePillar.EXPANDING_MOVEMENT, SubTheme.TAKE_ACTION, c.audience()))).isEmpty();
    }

    @Test
    void theCitiesSubThemesAreForCampaignsAddressingCitiesAndTheCitizensOnesForCitizensOrCivilSociety() {
        NewCampaign c = campaign(CampaignKind.CONTENT_CREATION);
        List<TargetAudience> citizens = List.of(TargetAudience.CITIZENS);
        List<TargetAudience> cities = List.of(TargetAudience.CITIES);
        assertThat(faults(with(c, NarrativePillar.EXPANDING_EMPATHY, SubTheme.OPEN_AND_TRUST, citizens)))
                .containsExactly("subTheme");
        assertThat(faults(with(c, NarrativePillar.EXPANDING_EMPATHY, SubTheme.OPEN_AND_TRUST, cities))).isEmpty();
        assertThat(faults(with(c, NarrativePillar.EXPANDING_EMPATHY, SubTheme.CONNECTED, cities)))
                .containsExactly("subTheme");
        assertThat(faults(with(c, NarrativePillar.EXPANDING_EMPATHY, SubTheme.CONNECTED,
                List.of(TargetAudience.CIVIL_SOCIETY, TargetAudience.CITIES)))).isEmpty();
        assertThat(faults(with(c, NarrativePillar.EXPANDING_KNOWLEDGE, SubTheme.CITIES_JOURNEY, cities))).isEmpty();
        assertThat(faults(with(c, NarrativePillar.EXPANDING_KNOWLEDGE, SubTheme.CITIES_JOURNEY, citizens))).isEmpty();
        assertThat(faults(with(c, NarrativePillar.EXPANDING_EMPATHY, SubTheme.CONNECTED,
                List.of(TargetAudience.CITIZENS, TargetAudience.CITIZENS)))).containsExactly("audience");
    }

    @Test
    void aScheduleMustEndAfterItStartsInTheFutureWithinTwoYears() {
        NewCampaign c = campaign(CampaignKind.COMMUNICATION_SERIES);
        assertThat(faults(schedule(c, NOW, NOW))).containsExactly("endsAt");
        assertThat(faults(schedule(c, NOW.minus(10, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS))))
                .containsExactly("endsAt");
        assertThat(faults(schedule(c, NOW, NOW.plus(800, ChronoUnit.DAYS)))).containsExactly("endsAt");
        assertThat(faults(schedule(c, NOW.minus(10, ChronoUnit.DAYS), NOW.plus(1, ChronoUnit.DAYS)))).isEmpty();
    }

    private static NewCampaign schedule(NewCampaign c, Instant starts, Instant ends) {
        return new NewCampaign(c.channelId(), c.kind(), c.title(), null, c.audience(), c.pillar(), c.subTheme(),
                starts, ends, null, null, c.series(), null, null, null);
    }

    @Test
    void aCallToActionsDeadlineIsInTheFutureWithinTheCampaignAndItsQuestionIdsAreDistinct() {
        NewCampaign c = campaign(CampaignKind.CALL_TO_ACTION);
        assertThat(faults(call(c, Samples.call(NOW)))).containsExactly("callToAction.deadline");
        assertThat(faults(call(c, Samples.call(c.endsAt().plusSeconds(1))))).containsExactly("callToAction.deadline");
        var repeated = new NewCampaign.CallToAction("Plant a tree", List.of(
                new NewCampaign.Question("where", "Where?", true), new NewCampaign.Question("where", "Where?", false)),
                NOW.plus(1, ChronoUnit.DAYS));
        assertThat(faults(call(c, repeated))).containsExactly("callToAction.questions");
    }

    private static NewCampaign call(NewCampaign c, NewCampaign.CallToAction call) {
        return new NewCampaign(c.channelId(), c.kind(), c.title(), null, c.audience(), c.pillar(), c.subTheme(),
                c.startsAt(), c.endsAt(), null, null, null, null, null, call);
    }

    @Test
    void collaborationHandlesAreDistinctAndContentLinksPublicHttps() {
        NewCampaign collaboration = campaign(CampaignKind.COLLABORATION_POST);
        assertThat(faults(new NewCampaign(collaboration.channelId(), collaboration.kind(), collaboration.title(), null,
                collaboration.audience(), collaboration.pillar(), collaboration.subTheme(), collaboration.startsAt(),
                collaboration.endsAt(), null, null, null, Samples.collaboration("cluj_city", "Cluj_City"), null,
                null))).containsExactly("collaboration.handles");

        assertThat(faults(content(NewCampaign.ContentFormat.CASE_STUDY, null))).containsExactly("content.link");
        assertThat(faults(content(NewCampaign.ContentFormat.CITY_TEMPLATE, "http://docs.example.org/t")))
                .containsExactly("content.link");
        assertThat(faults(content(NewCampaign.ContentFormat.IMPACT_STORY, null))).isEmpty();
    }

    private static NewCampaign content(NewCampaign.ContentFormat format, String link) {
        NewCampaign c = campaign(CampaignKind.CONTENT_CREATION);
        return new NewCampaign(c.channelId(), c.kind(), c.title(), null, c.audience(), c.pillar(), c.subTheme(),
                c.startsAt(), c.endsAt(), null, null, null, null, new NewCampaign.Content(format, link), null);
    }

    @Test
    void aGeneratedReferenceIsASlugOfTheTitleMadeUniqueByTheId() {
        assertThat(Campaigns.reference("Climat à Lyon: 2030!", "0f3a9c1e-aaaa")).isEqualTo("climat-a-lyon-2030-0f3a9c1e");
        assertThat(Campaigns.reference("¿¡!", "0f3a9c1e-aaaa")).isEqualTo("campaign-0f3a9c1e");
        assertThat(Campaigns.reference("x".repeat(100), "0f3a9c1e-aaaa")).hasSize(49).matches(Text.SLUG);
    }
}
