package org.netzerocities.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/** Every request runs inside a W3C trace, joined from its {@code traceparent} header or started here. */
@AutoConfiguration
public class TraceAutoConfiguration {

    @Bean
    FilterRegistrationBean<TraceContextFilter> traceContextFilter() {
        var registration = new FilterRegistrationBean<>(new TraceContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
