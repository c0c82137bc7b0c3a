package org.netzerocities.support;

import org.netzerocities.support.caller.Caller;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Every service's API docs declare the platform's bearer tokens, so Swagger UI can call with one, and do
 * not mistake a controller's {@link Caller} parameter (it comes from the token) for request parameters.
 */
@AutoConfiguration
public class OpenApiAutoConfiguration {

    private static final String BEARER = "bearer-jwt";

    OpenApiAutoConfiguration() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenApiCustomizer bearerTokens() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.components(new Components());
            }
            openApi.getComponents().addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT")
                    .description("Access token from POST /api/community/auth/token"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
        };
    }
}
