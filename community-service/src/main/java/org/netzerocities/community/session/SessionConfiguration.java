package org.netzerocities.community.session;

import java.time.Clock;

import org.netzerocities.events.Periodic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    Sessions sessions(MongoTemplate mongo, SessionProperties properties, Clock clock) {
        return new Sessions(mongo, properties, clock);
    }

    /** Idempotent deletes, like the quota purge: an instance running it just after another one removes nothing. */
    @Bean
    Periodic sessionPurge(Sessions sessions, SessionProperties properties, Clock clock) {
        return new Periodic("session-purge", properties.purgeInterval(), () -> sessions.purge(clock.instant()));
    }
}
