package org.netzerocities.support;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

import com.mongodb.MongoClientSettings;

/**
 * When the database is unreachable, the driver gives up after a few seconds rather than its default 30:
 * the request answers 503 (see {@link ProblemDetailsAdvice}) while the client can still usefully retry,
 * and server threads are not held for half a minute each.
 */
@AutoConfiguration
@ConditionalOnClass(MongoClientSettings.class)
@EnableConfigurationProperties(MongoClientProperties.class)
public class MongoFailFastAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer failFastServerSelection(MongoClientProperties mongo) {
        long timeout = mongo.serverSelectionTimeout().toMillis();
        return settings -> settings.applyToClusterSettings(
                cluster -> cluster.serverSelectionTimeout(timeout, TimeUnit.MILLISECONDS));
    }
}
