package org.netzerocities.campaign.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.campaign.publishing.Publisher.Account;
import org.netzerocities.campaign.publishing.Publisher.ContainerStatus;
import org.netzerocities.campaign.publishing.Publisher.Published;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

/** The Graph API adapter against WireMock playing Instagram, with its timings shrunk so that the suite stays fast. */
class InstagramGraphPublisherTest {

    /** Instagram, played afresh for each test. */
    @RegisterExtension
    static final WireMockExtension graph = WireMockExtension.newInstance().options(options().dynamicPort()).build();
    static final Account ACCOUNT = new Account("17841400000001", "IGQsecret", "NZCommunities_Lisbon");
    static final String MEDIA = "/v23.0/17841400000001/media";
    static final String PUBLISH = "/v23.0/17841400000001/media_publish";

    InstagramGraphPublisher publisher;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ObservationRegistry observations = ObservationRegistry.create();

    @BeforeEach
    void fresh() {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        publisher = new InstagramGraphPublisher(settings(Duration.ofSeconds(2), 3, 10), observations);
    }

    /** Timings shrunk to milliseconds; the circuit judges after {@code circuitCalls} calls. */
    InstagramProperties settings(Duration timeout, int retryAttempts, int circuitCalls) {
        return new InstagramProperties("http://localhost:" + graph.getPort(), "v23.0", timeout, retryAttempts,
                Duration.ofMillis(10), circuitCalls, Duration.ofMinutes(1), Duration.ofMillis(10),
                Duration.ofSeconds(1));
    }

    static PostToPublish postOf(MediaKind kind, List<String> urls, List<String> collaborators) {
        return new PostToPublish("post-1", "campaign-1", "channel-1", "Net zero, together #NZC", kind, urls,
                collaborators, Instant.now());
    }

    static String error(int code, String type, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code
                + ",\"fbtrace_id\":\"A1\"}}";
    }

    @Test
    void aPostGoesFromContainerThroughItsProcessingToPublishedWithItsPermalink() {
        graph.stubFor(post(urlPathEqualTo(MEDIA)).willReturn(okJson("{\"id\":\"c-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/c-1")).inScenario("processing").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"status_code\":\"IN_PROGRESS\",\"id\":\"c-1\"}")).willSetStateTo("done"));
        graph.stubFor(get(urlPathEqualTo("/v23.0/c-1")).inScenario("processing").whenScenarioStateIs("done")
                .willReturn(okJson("{\"status_code\":\"FINISHED\",\"id\":\"c-1\"}")));
        graph.stubFor(post(urlPathEqualTo(PUBLISH)).willReturn(okJson("{\"id\":\"m-1\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/m-1"))
                .willReturn(okJson("{\"permalink\":\"https://www.instagram.com/p/Cabc/\",\"id\":\"m-1\"}")));

        String container = publisher.createContainer(ACCOUNT, postOf(MediaKind.IMAGE,
                List.of("https://media.example.org/a.jpg"), List.of("nzc_lisbon", "cm.lisboa")));
        ContainerStatus status = publisher.awaitContainer(ACCOUNT, container);
        Published published = publisher.publish(ACCOUNT, container);

        assertThat(status).isEqualTo(ContainerStatus.FINISHED);
        assertThat(published).isEqualTo(new Published("m-1", "https://www.instagram.com/p/Cabc/"));
        graph.verify(postRequestedFor(urlPathEqualTo(MEDIA))
                .withHeader("Authorization", equalTo("Bearer IGQsecret"))
                .withRequestBody(containing("image_url=https%3A%2F%2Fmedia.example.org%2Fa.jpg"))
                .withRequestBody(containing("collaborators=%5B%22nzc_lisbon%22%2C%22cm.lisboa%22%5D"))
                .withRequestBody(containing("caption=Net+zero%2C+together+%23NZC")));
        graph.verify(2, getRequestedFor(urlPathEqualTo("/v23.0/c-1")));
        graph.verify(postRequestedFor(urlPathEqualTo(PUBLISH)).withRequestBody(equalTo("creation_id=c-1")));
    }

    @Test
    void aCarouselIsOneContainerOverItsItems() {
        graph.stubFor(post(urlPathEqualTo(MEDIA)).withRequestBody(containing("is_carousel_item=true"))
                .withRequestBody(containing("video_url")).willReturn(okJson("{\"id\":\"item-video\"}")));
        graph.stubFor(post(urlPathEqualTo(MEDIA)).withRequestBody(containing("is_carousel_item=true"))
                .withRequestBody(containing("image_url")).willReturn(okJson("{\"id\":\"item-image\"}")));
        graph.stubFor(post(urlPathEqualTo(MEDIA)).withRequestBody(containing("media_type=CAROUSEL"))
                .willReturn(okJson("{\"id\":\"carousel\"}")));

        String container = publisher.createContainer(ACCOUNT, postOf(MediaKind.CAROUSEL,
                List.of("https://media.example.org/a.jpg", "https://media.example.org/b.mp4"), List.of()));

        assertThat(container).isEqualTo("carousel");
        graph.verify(postRequestedFor(urlPathEqualTo(MEDIA)).withRequestBody(containing("media_type=CAROUSEL"))
                .withRequestBody(containing("children=item-image%2Citem-video")));
    }

    @Test
    void aContainerInstagramCouldNotProcessFailsForGoodWithItsReason() {
        graph.stubFor(get(urlPathEqualTo("/v23.0/c-err"))
                .willReturn(okJson("{\"status_code\":\"ERROR\",\"status\":\"Error: 2207026 unsupported video\"}")));

        assertThatThrownBy(() -> publisher.awaitContainer(ACCOUNT, "c-err"))
                .isInstanceOfSatisfying(PublishFailure.class, failure -> {
                    assertThat(failure.nothingPosted()).as("such a container is never published").isTrue();
                    assertThat(failure.getMessage()).contains("2207026");
                });
    }

    @Test
    void eachGraphCallIsTimedByOperationAndOutcomeAndNoMetricNamesTheUrlOrToken() {
        graph.stubFor(post(urlPathEqualTo(MEDIA)).willReturn(okJson("{\"id\":\"c-1\"}")));
        graph.stubFor(post(urlPathEqualTo(PUBLISH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error(190, "OAuthException", "Error validating access token: Session has expired"))));

        publisher.createContainer(ACCOUNT, postOf(MediaKind.IMAGE, List.of("https://media.example.org/a.jpg"), List.of()));
        assertThatThrownBy(() -> publisher.publish(ACCOUNT, "c-1")).isInstanceOf(PublishFailure.class);

        assertThat(meters.get(InstagramGraphPublisher.REQUESTS).tags("operation", "media container", "error", "none")
                .timer().count()).isEqualTo(1);
        assertThat(meters.get(InstagramGraphPublisher.REQUESTS).tags("operation", "media_publish")
                .tag("error", "PublishFailure").timer().count()).isEqualTo(1);
        meters.getMeters().forEach(meter -> meter.getId().getTags().forEach(tag -> assertThat(tag.getValue())
                .doesNotContain("IGQsecret").doesNotContain("17841400000001").doesNotContain("http")));
    }

    @Test
    void anExpiredTokenFailsForGoodAtOnceAndNamesTheCredential() {
        graph.stubFor(post(urlPathEqualTo(MEDIA)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(error(190, "OAuthException", "Error validating access token: Session has expired"))));

        assertThatThrownBy(() -> publisher.createContainer(ACCOUNT,
                postOf(MediaKind.IMAGE, List.of("https://media.example.org/a.jpg"), List.of())))
                .isInstanceOfSatisfying(PublishFailure.class, failure -> {
                    assertThat(failure.isPermanent()).isTrue();
                    assertThat(failure.getMessage()).contains("token").doesNotContain("IGQsecret");
                });
        graph.verify(1, postRequestedFor(urlPathEqualTo(MEDIA)));
    }

    @Test
    void throttlingIsRetriedWithBackoffUntilInstagramAcceptsTheCall() {
        graph.stubFor(post(urlPathEqualTo(MEDIA)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withBody(error(4, "OAuthException", "Application request limit reached")))
                .willSetStateTo("calm"));
        graph.stubFor(post(urlPathEqualTo(MEDIA)).inScenario("throttled").whenScenarioStateIs("calm")
                .willReturn(okJson("{\"id\":\"c-2\"}")));

        assertThat(publisher.createContainer(ACCOUNT,
                postOf(MediaKind.VIDEO, List.of("https://media.example.org/a.mp4"), List.of()))).isEqualTo("c-2");
        graph.verify(2, postRequestedFor(urlPathEqualTo(MEDIA)));
    }

    @Test
    void lastingThrottlingIsATransientFailureAndMediaPublishIsNeverRetried() {
        graph.stubFor(post(urlPathEqualTo(MEDIA)).willReturn(aResponse().withStatus(400)
                .withBody(error(32, "OAuthException", "Page request limit reached"))));
        graph.stubFor(post(urlPathEqualTo(PUBLISH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> publisher.createContainer(ACCOUNT,
                postOf(MediaKind.IMAGE, List.of("https://media.example.org/a.jpg"), List.of())))
                .isInstanceOfSatisfying(PublishFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(PublishFailure.Kind.TRANSIENT));
        graph.verify(3, postRequestedFor(urlPathEqualTo(MEDIA)));
        assertThatThrownBy(() -> publisher.publish(ACCOUNT, "c-3")).isInstanceOfSatisfying(PublishFailure.class,
                failure -> assertThat(failure.kind()).isEqualTo(PublishFailure.Kind.TRANSIENT));
        graph.verify(1, postRequestedFor(urlPathEqualTo(PUBLISH)));
    }

    @Test
    void aMediaPublishInstagramRefusesLeavesNothingPosted() {
        graph.stubFor(post(urlPathEqualTo(PUBLISH)).willReturn(aResponse().withStatus(400)
                .withBody(error(100, "OAuthException", "Invalid parameter"))));

        assertThatThrownBy(() -> publisher.publish(ACCOUNT, "c-4")).isInstanceOfSatisfying(PublishFailure.class,
                failure -> assertThat(failure.nothingPosted()).isTrue());
    }

    @Test
    void theAccountsPublishingLimitAsInstagramReportsItKeepsTheNextPostBack() {
        graph.stubFor(get(urlPathEqualTo("/v23.0/17841400000001/content_publishing_limit"))
                .willReturn(okJson("{\"data\":[{\"quota_usage\":25,\"config\":{\"quota_total\":100,"
                        + "\"quota_duration\":86400}}]}")));

        Optional<PublishingLimit.Usage> usage = publisher.usage(ACCOUNT);

        assertThat(usage).contains(new PublishingLimit.Usage(25, 100));
        assertThat(new PublishingLimit(25).allowsAnother(0, usage)).isFalse();
    }

    @Test
    void callsThatKeepTimingOutOpenTheCircuitAndLaterCallsFailWithoutReachingInstagram() {
        publisher = new InstagramGraphPublisher(settings(Duration.ofMillis(150), 2, 2), observations);
        graph.stubFor(get(urlPathEqualTo("/v23.0/c-slow"))
                .willReturn(okJson("{\"status_code\":\"FINISHED\"}").withFixedDelay(1000)));

        assertThatThrownBy(() -> publisher.awaitContainer(ACCOUNT, "c-slow"))
                .isInstanceOfSatisfying(PublishFailure.class, failure -> assertThat(failure.getMessage())
                        .contains("did not answer"));
        assertThat(publisher.circuit()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> publisher.awaitContainer(ACCOUNT, "c-slow"))
                .isInstanceOfSatisfying(PublishFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(PublishFailure.Kind.TRANSIENT);
                    assertThat(failure.getMessage()).contains("paused");
                });
        graph.verify(2, getRequestedFor(urlPathEqualTo("/v23.0/c-slow")));
    }

    @Test
    void aPublishedContainerIsFoundAmongTheAccountsRecentMediaByItsCaption() {
        graph.stubFor(get(urlPathEqualTo(MEDIA)).willReturn(okJson("{\"data\":["
                + "{\"id\":\"m-new\",\"caption\":\"Another post\",\"permalink\":\"https://www.instagram.com/p/X/\","
                + "\"timestamp\":\"2026-11-29T04:10:00+0000\"},"
                + "{\"id\":\"m-ours\",\"caption\":\"Net zero, together #NZC\",\"permalink\":\"https://www.instagram.com/p/Y/\","
                + "\"timestamp\":\"2026-11-29T04:05:00+0000\"},"
                + "{\"id\":\"m-old\",\"caption\":\"Posted long ago\",\"permalink\":\"https://www.instagram.com/p/Z/\","
                + "\"timestamp\":\"2026-10-01T09:00:00+0000\"}]}")));

        assertThat(publisher.findPublished(ACCOUNT, "c-1", "Net zero, together #NZC",
                Instant.parse("2026-11-29T04:04:30Z"))).contains(new Published("m-ours", "https://www.instagram.com/p/Y/"));
        assertThat(publisher.findPublished(ACCOUNT, "c-1", "Never posted", Instant.parse("2026-11-29T04:04:30Z")))
                .isEmpty();
        assertThat(publisher.findPublished(ACCOUNT, "c-1", "Posted long ago", Instant.parse("2026-11-29T04:04:30Z")))
                .as("the same caption posted before the publish request is another post").isEmpty();
    }

    @Test
    void insightsAreReadByMetricName() {
        graph.stubFor(get(urlPathEqualTo("/v23.0/m-9/insights")).willReturn(okJson("{\"data\":["
                + "{\"name\":\"reach\",\"period\":\"lifetime\",\"values\":[{\"value\":1200}]},"
                + "{\"name\":\"likes\",\"values\":[{\"value\":87}]},"
                + "{\"name\":\"shares\",\"total_value\":{\"value\":4}},"
                + "{\"name\":\"impressions\",\"values\":[{\"value\":5}]}]}")));

        assertThat(publisher.insights(ACCOUNT, "m-9")).isEqualTo(Map.of("reach", 1200L, "likes", 87L, "shares", 4L));
    }
}
