package org.netzerocities.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What every service observes, as defaults that any other property source overrides: the observation of
 * KafkaTemplate and of the record listeners (the producer's span, and its {@code traceparent} record header,
 * continue the request's trace), W3C trace context only, every trace sampled unless
 * {@code NZC_TRACING_SAMPLING_PROBABILITY} says otherwise, latency histograms for the dashboards' quantiles, and
 * spans exported over OTLP only where {@code NZC_TRACING_OTLP_ENDPOINT} names a collector (Compose, Kubernetes):
 * the embedded stack has none, and an exporter without one only logs failures.
 */
public class ObservabilityEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String OTLP_ENDPOINT = "NZC_TRACING_OTLP_ENDPOINT";
    static final String SAMPLING_PROBABILITY = "NZC_TRACING_SAMPLING_PROBABILITY";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        // what the gateway and the Kafka headers carry; Boot's default also reads B3, whose propagator is not here
        defaults.put("management.tracing.propagation.type", "W3C");
        defaults.put("management.tracing.sampling.probability",
                environment.getProperty(SAMPLING_PROBABILITY, "1.0"));
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        // the dashboards tell services apart by this tag, whatever the scrape configuration names the jobs
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        String endpoint = environment.getProperty(OTLP_ENDPOINT);
        if (endpoint == null || endpoint.isBlank()) {
            // only the OTLP exporter is off: Boot ties propagation to tracing export being enabled as a whole
            defaults.put("management.tracing.export.otlp.enabled", "false");
        }
        else {
            defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", endpoint);
        }
        environment.getPropertySources().addLast(new MapPropertySource("nzcObservability", defaults));
    }
}
