package org.netzerocities.community.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The content shipped with the service: every role's guide, links that stay in the portal, the seed's values. */
class OnboardingContentTest {

    private final OnboardingContent content = new OnboardingContent(null, null, JsonMapper.builder().build());

    @Test
    void everyRoleHasAGuideWhoseLinksArePortalPaths() {
        Map<GuideRole, OnboardingContent.ShippedGuide> guides = content.shippedGuides().stream()
                .collect(Collectors.toMap(OnboardingContent.ShippedGuide::role, Function.identity()));

        assertThat(guides).containsOnlyKeys(GuideRole.values());
        guides.values().forEach(guide -> {
            assertThat(guide.sections()).isNotEmpty();
            guide.sections().forEach(section -> {
                assertThat(section.title()).isNotBlank();
                assertThat(section.body()).isNotBlank();
                section.links().forEach(link -> assertThat(link.path()).matches(OnboardingRequests.PORTAL_PATH));
            });
        });
        assertThat(text(guides.get(GuideRole.TRANSITION_TEAM))).contains("champions", "engage");
        assertThat(text(guides.get(GuideRole.FRONTRUNNER))).contains("Start a group", "Organise an event",
                "engagement plan");
    }

    @Test
    void theFirstManifestoCarriesTheCommunitysValues() {
        String manifesto = OnboardingContent.read(OnboardingContent.MANIFESTO_V1);

        assertThat(manifesto).contains("open", "collaborative", "respectful", "climate-neutral by 2030");
        assertThat(manifesto).matches(OnboardingRequests.TEXT);
        assertThat(OnboardingContent.MANIFESTO_V1_SUMMARY.length()).isLessThanOrEqualTo(300);
    }

    private static String text(OnboardingContent.ShippedGuide guide) {
        return guide.title() + guide.sections().stream().map(s -> s.title() + " " + s.body())
                .collect(Collectors.joining(" "));
    }
}
