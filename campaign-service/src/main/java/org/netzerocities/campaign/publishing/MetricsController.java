package org.netzerocities.campaign.publishing;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.netzerocities.campaign.channel.Channels;
import org.netzerocities.campaign.publishing.Publications.PublicationView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Publishing", description = "Published posts' metrics, from Instagram's insights or entered by hand")
class MetricsController {

    private static final Logger log = LoggerFactory.getLogger(MetricsController.class);

    private final Publications publications;
    private final Channels channels;
    private final MongoTemplate mongo;
    private final Clock clock;

    MetricsController(Publications publications, Channels channels, MongoTemplate mongo, Clock clock) {
        this.publications = publications;
        this.channels = channels;
        this.mongo = mongo;
        this.clock = clock;
    }

    @PostMapping("/api/campaigns/posts/{id}/metrics")
    @Operation(summary = "Enter a published post's metrics by hand when Instagram's insights have none (the local "
            + "publisher, or a post made elsewhere): the channel's leadership team. Body: an object of whole numbers "
            + "≥ 0 named reach, likes, comments, saved or shares; the metrics named overwrite the stored ones, the "
            + "others stay. 404 unknown post, 403 not on the channel's leadership team, 409 not published")
    PublicationView enter(@PathVariable String id, @RequestBody JsonNode body, Caller caller) {
        PublicationView publication = publications.publication(id).orElseThrow(() -> ApiProblem.notFound("Post"));
        boolean leads = channels.channel(publication.channelId())
                .map(channel -> channel.isLeadership(caller.memberId())).orElse(false);
        if (!leads) {
            throw ApiProblem.forbidden("Only the channel's leadership team enters its posts' metrics");
        }
        Map<String, Long> metrics = metrics(body);
        // conditional on the post being published: the check and the write are one update
        if (!InsightsCollector.record(mongo, id, metrics, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw ApiProblem.conflict("post-not-published", "Post " + id + " is not published: it has no metrics");
        }
        log.info("Metrics {} of post {} entered by member {}", metrics.keySet(), id, caller.memberId());
        return publications.publication(id).orElseThrow();
    }

    private static Map<String, Long> metrics(JsonNode body) {
        if (body == null || !body.isObject() || body.isEmpty()) {
            throw ApiProblem.invalid("metrics", "an object naming at least one of " + Publisher.METRICS);
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        body.properties().forEach(entry -> {
            JsonNode value = entry.getValue();
            if (!Publisher.METRICS.contains(entry.getKey())) {
                errors.add(new ApiProblem.FieldError("metrics", "unknown metric; known: " + Publisher.METRICS));
            }
            else if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
                errors.add(new ApiProblem.FieldError(entry.getKey(), "a whole number ≥ 0"));
            }
            else {
                metrics.put(entry.getKey(), value.asLong());
            }
        });
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return metrics;
    }
}
