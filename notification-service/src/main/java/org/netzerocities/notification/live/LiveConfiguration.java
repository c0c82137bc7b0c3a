package org.netzerocities.notification.live;

import java.time.Duration;

import org.netzerocities.events.Periodic;
import org.netzerocities.support.PublicEndpoints;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveProperties.class)
class LiveConfiguration {

    /**
     * The stream is opened with a ticket where no token can be sent; the controller then requires the ticket or a
     * token itself. A token that is sent is still checked, and an invalid one refused, by the resource server.
     */
    @Bean
    PublicEndpoints streamWithTicket() {
        return PublicEndpoints.of(PublicEndpoints.get("/api/notifications/stream"));
    }

    @Bean
    Periodic liveHeartbeats(LiveStreams streams, LiveProperties properties) {
        return new Periodic("live-heartbeats", properties.heartbeat(), streams::heartbeat);
    }

    @Bean
    Periodic streamTicketsPurge(StreamTickets tickets) {
        return new Periodic("stream-tickets-purge", Duration.ofMinutes(10), tickets::purgeExpired);
    }
}
