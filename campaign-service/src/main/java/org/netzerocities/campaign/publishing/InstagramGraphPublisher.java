package org.netzerocities.campaign.publishing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Instagram's content publishing through the Graph API: a media container (image, reel, or carousel with its
 * items; up to three collaborators), its {@code status_code} polled with backoff, {@code media_publish}, then the
 * permalink. Every call is bounded by a Resilience4j time limiter and counted by a circuit breaker (while it is
 * open calls fail at once and the scheduler tries later); transient errors are retried with exponential backoff,
 * except {@code media_publish}, whose outcome is reconciled by the scheduler rather than risked twice. The token
 * travels in the Authorization header, never in a URL or a log line.
 */
class InstagramGraphPublisher implements Publisher {

    private static final Logger log = LoggerFactory.getLogger(InstagramGraphPublisher.class);
    /** How far back reconciliation looks among the account's latest media. */
    private static final int RECENT_MEDIA = 25;
    static final String REQUESTS = "nzc.instagram.requests";

    private final InstagramProperties settings;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final ObservationRegistry observations;

    InstagramGraphPublisher(InstagramProperties settings, ObservationRegistry observations) {
        this.settings = settings;
        this.observations = observations;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.timeLimiter = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(settings.timeout())
                .cancelRunningFuture(true).build());
        this.retry = Retry.of("instagram", RetryConfig.custom().maxAttempts(settings.retryAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryBackoff(), 2.0))
                .retryOnException(InstagramGraphPublisher::isTransient).build());
        // only Instagram's own trouble opens the circuit: a refused post says nothing about Instagram's health
        this.breaker = CircuitBreaker.of("instagram", CircuitBreakerConfig.custom()
                .slidingWindowSize(Math.max(10, settings.circuitMinimumCalls()))
                .minimumNumberOfCalls(settings.circuitMinimumCalls()).failureRateThreshold(50)
                .waitDurationInOpenState(settings.circuitOpenFor())
                .recordException(InstagramGraphPublisher::isTransient).build());
    }

    CircuitBreaker.State circuit() {
        return breaker.getState();
    }

    @Override
    public String createContainer(Account account, PostToPublish post) {
        Map<String, String> params = new LinkedHashMap<>();
        if (post.mediaKind() == MediaKind.CAROUSEL) {
            List<String> children = new ArrayList<>();
            for (String url : post.mediaUrls()) {
                Map<String, String> item = new LinkedHashMap<>(PostRules.isVideo(url)
                        ? Map.of("media_type", "VIDEO", "video_url", url) : Map.of("image_url", url));
                item.put("is_carousel_item", "true");
                children.add(post(account, account.instagramUserId() + "/media", item, "carousel item", true)
                        .path("id").asString());
            }
            params.put("media_type", "CAROUSEL");
            params.put("children", String.join(",", children));
        }
        else {
            String url = post.mediaUrls().get(0);
            params.putAll(post.mediaKind() == MediaKind.VIDEO ? Map.of("media_type", "REELS", "video_url", url)
                    : Map.of("image_url", url));
        }
        params.put("caption", post.caption() == null ? "" : post.caption());
        if (!post.collaborators().isEmpty()) {
            params.put("collaborators", post.collaborators().stream().map(handle -> "\"" + handle + "\"")
                    .collect(Collectors.joining(",", "[", "]")));
        }
        String containerId = post(account, account.instagramUserId() + "/media", params, "media container", true)
                .path("id").asString("");
        if (containerId.isBlank()) {
            throw PublishFailure.transientFailure("Instagram answered the media container without an id");
        }
        log.info("Instagram container {} created for post {} on account {}", containerId, post.postId(),
                account.instagramUserId());
        return containerId;
    }

    @Override
    public ContainerStatus awaitContainer(Account account, String containerId) {
        Duration wait = settings.pollInitial();
        long deadline = System.nanoTime() + settings.pollMaxWait().toNanos();
        while (true) {
            JsonNode container = get(account, containerId, Map.of("fields", "status_code,status"), "container status");
            ContainerStatus status = parseStatus(container.path("status_code").asString(""));
            if (status == ContainerStatus.ERROR) {
                throw PublishFailure.notPosted("Instagram could not process the media (container " + containerId
                        + ": " + container.path("status").asString("no detail") + ")");
            }
            if (status != ContainerStatus.IN_PROGRESS || System.nanoTime() + wait.toNanos() > deadline) {
                return status;
            }
            pause(wait);
            wait = wait.multipliedBy(2);
        }
    }

    private static ContainerStatus parseStatus(String statusCode) {
        try {
            return ContainerStatus.valueOf(statusCode);
        }
        catch (IllegalArgumentException ex) {
            throw PublishFailure.transientFailure("Instagram answered an unknown container status: " + statusCode);
        }
    }

    @Override
    public Published publish(Account account, String containerId) {
        String mediaId;
        try {
            mediaId = post(account, account.instagramUserId() + "/media_publish",
                    Map.of("creation_id", containerId), "media_publish", false).path("id").asString("");
        }
        catch (PublishFailure failure) {
            // refused outright: the container was not published
            throw failure.isPermanent() ? PublishFailure.notPosted(failure.getMessage()) : failure;
        }
        if (mediaId.isBlank()) {
            throw PublishFailure.transientFailure("Instagram answered media_publish without a media id");
        }
        log.info("Instagram container {} published as media {} on account {}", containerId, mediaId,
                account.instagramUserId());
        return new Published(mediaId, permalink(account, mediaId));
    }

    /** The post is out whatever happens here: without its permalink, the account's profile stands in for it. */
    private String permalink(Account account, String mediaId) {
        try {
            String permalink = get(account, mediaId, Map.of("fields", "permalink"), "permalink")
                    .path("permalink").asString("");
            if (!permalink.isBlank()) {
                return permalink;
            }
        }
        catch (PublishFailure ex) {
            log.warn("Permalink of Instagram media {} unavailable, the profile stands in: {}", mediaId,
                    ex.getMessage());
        }
        return "https://www.instagram.com/" + account.handle() + "/";
    }

    @Override
    public Optional<Published> findPublished(Account account, String containerId, String caption, Instant since) {
        JsonNode media = get(account, account.instagramUserId() + "/media", Map.of("fields",
                "id,caption,permalink,timestamp", "limit", String.valueOf(RECENT_MEDIA)), "recent media");
        for (JsonNode item : media.path("data")) {
            boolean sameCaption = item.path("caption").asString("").equals(caption == null ? "" : caption);
            if (sameCaption && !postedBefore(item.path("timestamp").asString(""), since)) {
                return Optional.of(new Published(item.path("id").asString(), item.path("permalink").asString()));
            }
        }
        return Optional.empty();
    }

    /** Graph timestamps look like {@code 2026-11-29T04:10:00+0000}; one that cannot be read does not exclude. */
    private static boolean postedBefore(String timestamp, Instant since) {
        try {
            return OffsetDateTime.parse(timestamp, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ"))
                    .toInstant().isBefore(since.minusSeconds(60));
        }
        catch (DateTimeParseException ex) {
            return false;
        }
    }

    @Override
    public Map<String, Long> insights(Account account, String mediaId) {
        JsonNode answer = get(account, mediaId + "/insights",
                Map.of("metric", String.join(",", METRICS)), "insights");
        Map<String, Long> metrics = new HashMap<>();
        for (JsonNode metric : answer.path("data")) {
            JsonNode value = metric.path("total_value").path("value");
            if (value.isMissingNode()) {
                value = metric.path("values").path(0).path("value");
            }
            String name = metric.path("name").asString("");
            if (METRICS.contains(name) && value.isIntegralNumber() && value.asLong() >= 0) {
                metrics.put(name, value.asLong());
            }
        }
        return metrics;
    }

    @Override
    public Optional<PublishingLimit.Usage> usage(Account account) {
        JsonNode limit = get(account, account.instagramUserId() + "/content_publishing_limit",
                Map.of("fields", "quota_usage,config"), "content_publishing_limit").path("data").path(0);
        if (!limit.path("quota_usage").isIntegralNumber()) {
            return Optional.empty();
        }
        return Optional.of(new PublishingLimit.Usage(limit.path("quota_usage").asInt(),
                limit.path("config").path("quota_total").asInt(Integer.MAX_VALUE)));
    }

    private JsonNode get(Account account, String path, Map<String, String> query, String what) {
        HttpRequest request = request(account, path + "?" + form(query)).GET().build();
        return call(what, request, true);
    }

    private JsonNode post(Account account, String path, Map<String, String> params, String what,
            boolean retryable) {
        HttpRequest request = request(account, path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
        return call(what, request, retryable);
    }

    private HttpRequest.Builder request(Account account, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/" + settings.apiVersion() + "/"
                + pathAndQuery)).header("Authorization", "Bearer " + account.token());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private JsonNode call(String what, HttpRequest request, boolean retryable) {
        Supplier<JsonNode> guarded = CircuitBreaker.decorateSupplier(breaker, () -> exchange(what, request));
        if (retryable) {
            guarded = Retry.decorateSupplier(retry, guarded);
        }
        try {
            return guarded.get();
        }
        catch (CallNotPermittedException ex) {
            throw PublishFailure.transientFailure("Instagram calls are paused after repeated failures (" + what
                    + " not attempted)");
        }
    }

    /**
     * One call to the Graph API, timed and traced as {@value #REQUESTS} (Prometheus
     * {@code nzc_instagram_requests_seconds}) by operation, with its failure's class as the error: the platform's
     * only outbound HTTP, the JDK client, has no client observation of its own.
     */
    private JsonNode exchange(String what, HttpRequest request) {
        return Observation.createNotStarted(REQUESTS, observations).contextualName("instagram " + what)
                .lowCardinalityKeyValue("operation", what).observe(() -> send(what, request));
    }

    private JsonNode send(String what, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = timeLimiter.executeFutureSupplier(
                    () -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        catch (TimeoutException ex) {
            throw new PublishFailure(PublishFailure.Kind.TRANSIENT,
                    what + ": Instagram did not answer within " + settings.timeout(), ex);
        }
        catch (ExecutionException ex) {
            throw new PublishFailure(PublishFailure.Kind.TRANSIENT,
                    what + ": Instagram unreachable (" + ex.getCause().getClass().getSimpleName() + ")", ex);
        }
        catch (Exception ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new PublishFailure(PublishFailure.Kind.TRANSIENT, what + ": interrupted", ex);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 300 || body.has("error")) {
            throw GraphErrors.classify(what, response.statusCode(), body);
        }
        return body;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body == null || body.isBlank() ? "{}" : body);
            return node.isObject() ? node : JsonNodeFactory.instance.objectNode();
        }
        catch (JacksonException ex) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    private static boolean isTransient(Throwable ex) {
        return ex instanceof PublishFailure failure && failure.kind() == PublishFailure.Kind.TRANSIENT;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw PublishFailure.transientFailure("interrupted while waiting for Instagram");
        }
    }
}
