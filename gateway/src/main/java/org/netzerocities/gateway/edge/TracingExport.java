package org.netzerocities.gateway.edge;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Where the gateway's spans go, named as for the services: {@code NZC_TRACING_OTLP_ENDPOINT} (OTLP over HTTP), and
 * nowhere without it. Boot creates the OTLP exporter as soon as its endpoint property exists, even empty, so the
 * property is set only when the variable is.
 */
public class TracingExport implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String collector = environment.getProperty("NZC_TRACING_OTLP_ENDPOINT", "");
        Map<String, Object> export = collector.isBlank()
                ? Map.of("management.tracing.export.otlp.enabled", "false")
                : Map.of("management.opentelemetry.tracing.export.otlp.endpoint", collector);
        environment.getPropertySources().addLast(new MapPropertySource("nzcTracingExport", export));
    }
}
