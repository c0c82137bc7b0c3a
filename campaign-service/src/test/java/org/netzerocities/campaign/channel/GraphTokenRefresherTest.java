package org.netzerocities.campaign.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netzerocities.campaign.channel.TokenRefresher.RefreshFailedException;
import org.netzerocities.campaign.channel.TokenRefresher.RefreshedToken;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;

/** The refresh adapter against WireMock playing the Instagram Graph API. */
class GraphTokenRefresherTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String TOKEN = "IGQWRold-token";
    private static WireMockServer graph;

    private GraphTokenRefresher refresher;

    @BeforeAll
    static void startGraph() {
        graph = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        graph.start();
    }

    @AfterAll
    static void stopGraph() {
        graph.stop();
    }

    @BeforeEach
    void reset() {
        graph.resetAll();
        refresher = new GraphTokenRefresher(graph.baseUrl(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aRefreshedTokenLivesAsLongAsTheApiSays() {
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .withQueryParam("grant_type", equalTo("ig_refresh_token"))
                .withQueryParam("access_token", equalTo(TOKEN))
                .willReturn(okJson("{\"access_token\":\"IGQWRnew-token\",\"token_type\":\"bearer\","
                        + "\"expires_in\":5184000}")));

        assertThat(refresher.refresh(TOKEN)).contains(new RefreshedToken("IGQWRnew-token",
                NOW.plusSeconds(5_184_000)));
        graph.verify(1, getRequestedFor(urlPathEqualTo("/refresh_access_token")));
    }

    @Test
    void aRefusalIsAFailureNamingTheErrorButNeverTheToken() {
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Error validating access token " + TOKEN + "\","
                        + "\"type\":\"OAuthException\",\"code\":190}}")));

        assertThatThrownBy(() -> refresher.refresh(TOKEN)).isInstanceOf(RefreshFailedException.class)
                .hasMessageContaining("400").hasMessageContaining("OAuthException 190")
                .message().doesNotContain(TOKEN);
    }

    @Test
    void aServerErrorOrAnAnswerWithoutTokenIsAFailure() {
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> refresher.refresh(TOKEN)).isInstanceOf(RefreshFailedException.class)
                .hasMessageContaining("503");

        graph.stubFor(get(urlPathEqualTo("/refresh_access_token")).willReturn(okJson("{\"token_type\":\"bearer\"}")));
        assertThatThrownBy(() -> refresher.refresh(TOKEN)).isInstanceOf(RefreshFailedException.class);
    }

    @Test
    void aBrokenConnectionIsAFailureThatDoesNotQuoteTheUrl() {
        graph.stubFor(get(urlPathEqualTo("/refresh_access_token"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> refresher.refresh(TOKEN)).isInstanceOf(RefreshFailedException.class)
                .hasMessageContaining("could not be reached").message().doesNotContain(TOKEN);
    }
}
