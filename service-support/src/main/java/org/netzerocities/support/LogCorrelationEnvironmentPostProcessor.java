package org.netzerocities.support;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every log line of a service names the trace and the request it belongs to ({@code [traceId requestId]},
 * from the MDC that Micrometer Tracing and {@link TraceContextFilter} fill), so one request can be followed
 * across the gateway, the services and Kafka. A default only: {@code logging.pattern.correlation} set anywhere
 * else wins.
 */
public class LogCorrelationEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String CORRELATION_PATTERN = "[%X{traceId:-} %X{requestId:-}] ";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("nzcLogCorrelation",
                Map.of("logging.pattern.correlation", CORRELATION_PATTERN)));
    }
}
