package org.netzerocities.support;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Requests Tomcat rejects while parsing them never reach Spring, so {@link ProblemDetailsAdvice} cannot answer
 * them: the host's error report valve does, and here it is {@link ProblemReportValve}.
 */
@AutoConfiguration
@ConditionalOnClass(StandardHost.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class TomcatProblemsAutoConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(problemReportValveOnHost());
    }

    /** The host exists (and is not yet started, so it will install the valve) when its context is prepared. */
    static TomcatContextCustomizer problemReportValveOnHost() {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        };
    }
}
