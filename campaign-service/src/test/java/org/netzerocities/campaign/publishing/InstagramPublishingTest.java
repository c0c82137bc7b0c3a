package org.netzerocities.campaign.publishing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.netzerocities.campaign.publishing.Publications.PublicationStatus;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.jayway.jsonpath.JsonPath;

import io.micrometer.observation.ObservationRegistry;

/** The scheduler with the Graph adapter, WireMock playing Instagram, against the real database and broker. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class InstagramPublishingTest extends PublishingFixture {

    /** Instagram, played afresh for each test. */
    @RegisterExtension
    static final WireMockExtension graph = WireMockExtension.newInstance().options(options().dynamicPort()).build();
    static final String ACCOUNT = "/v23.0/17841400000001";

    PublishScheduler scheduler;

    @BeforeEach
    void instagram() {
        graph.stubFor(post(urlPathEqualTo(ACCOUNT + "/media")).willReturn(okJson("{\"id\":\"c-7\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/c-7")).willReturn(okJson("{\"status_code\":\"FINISHED\"}")));
        graph.stubFor(post(urlPathEqualTo(ACCOUNT + "/media_publish")).willReturn(okJson("{\"id\":\"m-7\"}")));
        graph.stubFor(get(urlPathEqualTo("/v23.0/m-7"))
                .willReturn(okJson("{\"permalink\":\"https://www.instagram.com/p/C7/\"}")));
        scheduler = instance(new InstagramGraphPublisher(new InstagramProperties("http://localhost:" + graph.getPort(),
                "v23.0", Duration.ofSeconds(2), 2, Duration.ofMillis(10), 10, Duration.ofMinutes(1),
                Duration.ofMillis(10), Duration.ofSeconds(1)), ObservationRegistry.NOOP), Duration.ZERO);
    }

    static void usage(int used) {
        graph.stubFor(get(urlPathEqualTo(ACCOUNT + "/content_publishing_limit")).willReturn(okJson(
                "{\"data\":[{\"quota_usage\":" + used + ",\"config\":{\"quota_total\":100}}]}")));
    }

    @Test
    void aPostGoesOutOnInstagramAndItsEventCarriesInstagramsPermalink() throws Exception {
        usage(3);
        String postId = duePost(channel());

        scheduler.publishDue();

        assertThat(stored(postId).mediaId()).isEqualTo("m-7");
        var event = postEvents(List.of(postId), EventCatalog.CAMPAIGN_POST_PUBLISHED, 1, Duration.ofSeconds(10));
        assertThat((String) JsonPath.read(event.get(0).value(), "$.permalink")).isEqualTo("https://www.instagram.com/p/C7/");
    }

    @Test
    void anAccountAtItsPublishingLimitKeepsThePostWaitingWithoutCallingMediaPublish() throws Exception {
        usage(SETTINGS.dailyLimit());
        String postId = duePost(channel());

        scheduler.publishDue();

        Publication waiting = stored(postId);
        assertThat(waiting.status()).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(waiting.attempts()).isZero();
        graph.verify(0, postRequestedFor(urlPathEqualTo(ACCOUNT + "/media_publish")));
    }

    @Test
    void anExpiredTokenFailsThePostWithAReasonTheTeamCanActOn() throws Exception {
        graph.stubFor(post(urlPathEqualTo(ACCOUNT + "/media")).willReturn(aResponse().withStatus(400).withBody(
                "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}")));
        String postId = duePost(channel());

        scheduler.publishDue();

        assertThat(stored(postId).status()).isEqualTo(PublicationStatus.FAILED);
        var failed = postEvents(List.of(postId), EventCatalog.CAMPAIGN_POST_PUBLISH_FAILED, 1, Duration.ofSeconds(10));
        assertThat((String) JsonPath.read(failed.get(0).value(), "$.reason")).contains("token expired or was revoked");
    }
}
