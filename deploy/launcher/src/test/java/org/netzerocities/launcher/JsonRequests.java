package org.netzerocities.launcher;

import static java.net.http.HttpRequest.BodyPublishers.noBody;
import static java.net.http.HttpRequest.BodyPublishers.ofString;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Requests to the platform as the portal sends them: a JSON body and a bearer token when there are. */
final class JsonRequests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private JsonRequests() {
    }

    static HttpRequest of(String url, String method, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? noBody() : ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }
}
