package org.netzerocities.campaign.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netzerocities.campaign.publishing.PublicUrls;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.support.ApiProblem;

/** Instagram's limits on a post, and media Instagram can actually fetch. */
class PostRulesTest {

    private static final String IMAGE = "https://media.example.org/lane.jpg";

    private static PostDraft draft(String caption, List<String> hashtags, MediaKind kind, List<String> urls,
            List<String> collaborators) {
        return new PostDraft(caption, hashtags, kind, urls, collaborators);
    }

    private static List<String> faults(PostDraft draft, CampaignKind kind) {
        try {
            PostRules.check(draft, kind, List.of("cluj_city"));
            return List.of();
        }
        catch (ApiProblem problem) {
            @SuppressWarnings("unchecked")
            var errors = (List<ApiProblem.FieldError>) problem.getBody().getProperties().get("errors");
            return errors.stream().map(ApiProblem.FieldError::field).toList();
        }
    }

    @Test
    void theHashtagsCountTowardsTheCaptionLimit() {
        String caption = "x".repeat(PostRules.CAPTION_LIMIT - 10);
        assertThat(faults(draft(caption, List.of("a"), MediaKind.IMAGE, List.of(IMAGE), null),
                CampaignKind.CONTENT_CREATION)).isEmpty();
        assertThat(faults(draft(caption, List.of("#climateaction"), MediaKind.IMAGE, List.of(IMAGE), null),
                CampaignKind.CONTENT_CREATION)).containsExactly("caption");
    }

    @Test
    void hashtagsAreStoredWithoutTheirHashAndNeverTwice() {
        var content = PostRules.check(draft(" Hi ", List.of("#Climate", "cities"), MediaKind.IMAGE, List.of(IMAGE),
                null), CampaignKind.CONTENT_CREATION, List.of());
        assertThat(content.hashtags()).containsExactly("Climate", "cities");
        assertThat(content.publishedCaption()).isEqualTo("Hi\n\n#Climate #cities");
        assertThat(faults(draft("Hi", List.of("climate", "#Climate"), MediaKind.IMAGE, List.of(IMAGE), null),
                CampaignKind.CONTENT_CREATION)).containsExactly("hashtags");
    }

    @Test
    void anImageOrVideoHasOneMediumAndACarouselTwoToTen() {
        List<String> two = List.of(IMAGE, IMAGE.replace("lane", "tree"));
        assertThat(faults(draft("Hi", null, MediaKind.IMAGE, two, null), CampaignKind.CONTENT_CREATION))
                .containsExactly("mediaUrls");
        assertThat(faults(draft("Hi", null, MediaKind.CAROUSEL, List.of(IMAGE), null), CampaignKind.CONTENT_CREATION))
                .containsExactly("mediaUrls");
        assertThat(faults(draft("Hi", null, MediaKind.CAROUSEL, two, null), CampaignKind.CONTENT_CREATION)).isEmpty();
        assertThat(faults(draft("Hi", null, MediaKind.CAROUSEL, Collections.nCopies(10, IMAGE), null),
                CampaignKind.CONTENT_CREATION)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://media.example.org/a.jpg", "ftp://media.example.org/a.jpg", "https://localhost/a.jpg",
            "https://127.0.0.1/a.jpg", "https://10.1.2.3/a.jpg", "https://192.168.0.4/a.jpg", "https://172.16.0.1/a",
            "https://169.254.169.254/latest/meta-data", "https://[::1]/a.jpg", "https://[fd00::1]/a.jpg",
            "https://100.64.0.1/a", "https://0.0.0.0/a", "https://nas.local/a.jpg", "https://db.internal/a",
            "https://user:pw@media.example.org/a.jpg", "https://intranet/a.jpg", "javascript:alert(1)",
            "https://media.example.org/a b.jpg", "/relative/a.jpg", "https://" })
    void mediaMustBeAtAPublicHttpsUrl(String url) {
        assertThat(PublicUrls.problem(url)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://media.example.org/a.jpg", "https://cdn.netzerocities.eu/p/1.mp4?v=2",
            "https://8.8.8.8/a.jpg", "https://[2001:4860::8888]/a.jpg" })
    void publicHttpsMediaAreAccepted(String url) {
        assertThat(PublicUrls.problem(url)).isNull();
    }

    @Test
    void collaboratorsAreForCollaborationCampaignsWhichInviteTheirOwnByDefault() {
        assertThat(faults(draft("Hi", null, MediaKind.IMAGE, List.of(IMAGE), List.of("someone")),
                CampaignKind.CONTENT_CREATION)).containsExactly("collaborators");
        var defaulted = PostRules.check(draft("Hi", null, MediaKind.IMAGE, List.of(IMAGE), null),
                CampaignKind.COLLABORATION_POST, List.of("cluj_city"));
        assertThat(defaulted.collaborators()).containsExactly("cluj_city");
        var chosen = PostRules.check(draft("Hi", null, MediaKind.IMAGE, List.of(IMAGE), List.of("ana.bike")),
                CampaignKind.COLLABORATION_POST, List.of("cluj_city"));
        assertThat(chosen.collaborators()).containsExactly("ana.bike");
    }

    @Test
    void everyFaultIsNamedAtOnce() {
        List<String> urls = IntStream.range(0, 2).mapToObj(i -> "http://x.example.org/" + i).toList();
        assertThatThrownBy(() -> PostRules.check(draft("", null, MediaKind.IMAGE, urls, null),
                CampaignKind.CALL_TO_ACTION, List.of())).isInstanceOf(ApiProblem.class);
        assertThat(faults(draft("", null, MediaKind.IMAGE, urls, null), CampaignKind.CALL_TO_ACTION))
                .containsExactly("mediaUrls", "mediaUrls[0]", "mediaUrls[1]", "caption");
    }
}
