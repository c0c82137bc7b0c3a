package org.netzerocities.campaign.channel;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Refreshes long-lived tokens with the Instagram API: {@code GET {base}/refresh_access_token?grant_type=
 * ig_refresh_token&access_token=...}, answered with {@code {access_token, token_type, expires_in}} (seconds). The
 * token travels in the query, as the API requires, so no exception's message (which may quote the URL) leaves
 * this class: failures are described by status and error code only.
 */
class GraphTokenRefresher implements TokenRefresher {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RestClient graph;
    private final Clock clock;

    GraphTokenRefresher(String baseUrl, Clock clock) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(TIMEOUT);
        this.graph = RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build();
        this.clock = clock;
    }

    @Override
    public Optional<RefreshedToken> refresh(String accessToken) {
        Map<?, ?> answer;
        try {
            answer = graph.get()
                    .uri(uri -> uri.path("/refresh_access_token").queryParam("grant_type", "ig_refresh_token")
                            .queryParam("access_token", "{token}").build(accessToken))
                    .retrieve().body(Map.class);
        }
        catch (RestClientResponseException ex) {
            throw new RefreshFailedException("the Graph API answered " + ex.getStatusCode().value()
                    + errorCode(ex));
        }
        catch (RestClientException ex) {
            throw new RefreshFailedException("the Graph API could not be reached (" + ex.getClass().getSimpleName()
                    + ")");
        }
        if (answer == null || !(answer.get("access_token") instanceof String token) || token.isBlank()
                || !(answer.get("expires_in") instanceof Number life) || life.longValue() <= 0) {
            throw new RefreshFailedException("the Graph API's answer named no token and lifetime");
        }
        return Optional.of(new RefreshedToken(token, clock.instant().plusSeconds(life.longValue())));
    }

    /** The Graph error's code and type ({@code {"error": {"code": 190, "type": "OAuthException"}}}), if any. */
    private static String errorCode(RestClientResponseException ex) {
        try {
            Map<?, ?> body = ex.getResponseBodyAs(Map.class);
            if (body != null && body.get("error") instanceof Map<?, ?> error) {
                return " (" + error.get("type") + " " + error.get("code") + ")";
            }
        }
        catch (RuntimeException unreadable) {
            // a body that is not the Graph API's JSON error says nothing more than the status
        }
        return "";
    }
}
