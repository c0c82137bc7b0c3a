package org.netzerocities.support;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import io.micrometer.tracing.Tracer;

/** Every response names its trace and request id; see {@link TraceContextFilter}. */
@AutoConfiguration
public class TraceAutoConfiguration {

    /** Right after Boot's HTTP server observation filter ({@code HIGHEST_PRECEDENCE + 1}), inside its span. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    FilterRegistrationBean<TraceContextFilter> traceContextFilter(ObjectProvider<Tracer> tracer) {
        var registration = new FilterRegistrationBean<>(new TraceContextFilter(tracer.getIfAvailable(() -> Tracer.NOOP)));
        registration.setOrder(ORDER);
        return registration;
    }
}
