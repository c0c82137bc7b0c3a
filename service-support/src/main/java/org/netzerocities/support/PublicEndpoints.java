package org.netzerocities.support;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * The requests of a service that need no token. Each service declares one bean; everything else
 * requires a valid JWT.
 */
public record PublicEndpoints(List<Endpoint> endpoints) {

    public static PublicEndpoints of(Endpoint... endpoints) {
        return new PublicEndpoints(List.of(endpoints));
    }

    public static Endpoint get(String pattern) {
        return new Endpoint(HttpMethod.GET, pattern);
    }

    public static Endpoint post(String pattern) {
        return new Endpoint(HttpMethod.POST, pattern);
    }

    public record Endpoint(HttpMethod method, String pattern) {
    }
}
