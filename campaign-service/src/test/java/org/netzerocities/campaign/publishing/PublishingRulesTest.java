package org.netzerocities.campaign.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.campaign.publishing.PublishFailure.Kind;
import org.netzerocities.support.ApiProblem;

import tools.jackson.databind.json.JsonMapper;

import io.micrometer.observation.ObservationRegistry;

/** The rules of publishing, without Instagram: which errors are worth retrying, the daily limit, backoff, media. */
class PublishingRulesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Kind classify(int httpStatus, String body) {
        return GraphErrors.classify("call", httpStatus, JSON.readTree(body)).kind();
    }

    @ParameterizedTest(name = "HTTP {0} code {1}: {2}")
    @CsvSource({ "429, 0, TRANSIENT", "400, 4, TRANSIENT", "403, 17, TRANSIENT", "400, 32, TRANSIENT",
            "400, 613, TRANSIENT", "500, 1, TRANSIENT", "503, 0, TRANSIENT", "400, 9007, TRANSIENT",
            "401, 190, PERMANENT", "400, 100, PERMANENT", "400, 9004, PERMANENT", "400, 36003, PERMANENT" })
    void graphErrorsAreRetriedOnlyWhenWaitingCanHelp(int httpStatus, int code, Kind expected) {
        assertThat(classify(httpStatus, "{\"error\":{\"code\":" + code + ",\"message\":\"m\"}}")).isEqualTo(expected);
    }

    @Test
    void anErrorMarkedTransientByInstagramIsRetried() {
        assertThat(classify(400, "{\"error\":{\"code\":-2,\"is_transient\":true}}")).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void anExpiredTokenIsReportedAsTheChannelsCredentialToRenew() {
        assertThat(GraphErrors.classify("media", 400, JSON.readTree("{\"error\":{\"code\":190,\"type\":\"OAuthException\","
                + "\"message\":\"Session has expired\\u0000\"}}")).getMessage())
                .contains("renew the channel's credential").doesNotContain("\u0000");
    }

    @Test
    void theDailyLimitCountsWhicheverSideSawMorePostsAgainstTheSmallerLimit() {
        PublishingLimit limit = new PublishingLimit(25);
        assertThat(limit.allowsAnother(24, Optional.empty())).isTrue();
        assertThat(limit.allowsAnother(25, Optional.empty())).isFalse();
        assertThat(limit.allowsAnother(3, Optional.of(new PublishingLimit.Usage(25, 100)))).isFalse();
        assertThat(limit.allowsAnother(25, Optional.of(new PublishingLimit.Usage(3, 100)))).isFalse();
        assertThat(limit.allowsAnother(5, Optional.of(new PublishingLimit.Usage(5, 6)))).isTrue();
        assertThat(limit.allowsAnother(0, Optional.of(new PublishingLimit.Usage(6, 6)))).isFalse();
    }

    @Test
    void retriesBackOffExponentiallyUpToTheLongestWait() {
        PublishingProperties settings = PublishingFixture.SETTINGS;
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(settings.backoff(30)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theAdaptersSlowestStepAddsAttemptsBackoffsAndTheContainersProcessing() {
        InstagramProperties settings = new InstagramProperties("https://graph.facebook.com", "v23.0",
                Duration.ofSeconds(10), 3, Duration.ofSeconds(1), 5, Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofMinutes(2));
        assertThat(settings.worstCall()).isEqualTo(Duration.ofSeconds(33));
        assertThat(settings.worstStep()).isEqualTo(Duration.ofMinutes(2).plusSeconds(33 * 11));
    }

    @Test
    void theInstagramPublisherRefusesToStartWithALeaseShorterThanItsSlowestStep() {
        InstagramProperties slow = new InstagramProperties("https://graph.facebook.com", "v23.0",
                Duration.ofSeconds(10), 3, Duration.ofSeconds(1), 5, Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofMinutes(30));
        assertThatThrownBy(() -> new PublishingConfiguration().instagramPublisher(slow, PublishingFixture.SETTINGS,
                ObservationRegistry.NOOP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lease");
    }

    static PostToPublish post(MediaKind kind, List<String> urls, List<String> collaborators) {
        return new PostToPublish("p", "c", "ch", "caption", kind, urls, collaborators, Instant.now());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://media.example.org/a.jpg", "https://localhost/a.jpg", "https://127.0.0.1/a.jpg",
            "ftp://media.example.org/a.jpg", "/a.jpg", "https://intranet/a.jpg", "https://exa mple.org/a.jpg",
            "javascript:alert(1)", "https://10.0.0.7/a.jpg", "https://[::1]/a.jpg", "https://nas.local/a.jpg",
            "https://user:secret@media.example.org/a.jpg" })
    void mediaInstagramCannotFetchAreRefused(String url) {
        assertThatThrownBy(() -> PostRules.check(post(MediaKind.IMAGE, List.of(url), List.of())))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCarouselNeedsTwoToTenMediaAndACollaborationAtMostThreeCollaborators() {
        String url = "https://media.example.org/a.jpg";
        assertThatThrownBy(() -> PostRules.check(post(MediaKind.CAROUSEL, List.of(url), List.of())))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PostRules.check(post(MediaKind.IMAGE, List.of(url, url), List.of())))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PostRules.check(post(MediaKind.IMAGE, List.of(url), List.of("a", "b", "c", "d"))))
                .isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PostRules.check(post(MediaKind.IMAGE, List.of(url), List.of("{\"$gt\":\"\"}"))))
                .isInstanceOf(ApiProblem.class);
        PostRules.check(post(MediaKind.CAROUSEL, List.of(url, url), List.of("a", "b.c", "d_e")));
    }
}
