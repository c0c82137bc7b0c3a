package org.netzerocities.support;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.mongodb.*} (environment: {@code NZC_MONGODB_SERVERSELECTIONTIMEOUT}).
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable database before it fails;
 *                               it wins over a {@code serverSelectionTimeoutMS} in the connection string
 */
@ConfigurationProperties("nzc.mongodb")
public record MongoClientProperties(@DefaultValue("5s") Duration serverSelectionTimeout) {
}
