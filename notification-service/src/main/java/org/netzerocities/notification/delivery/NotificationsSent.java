package org.netzerocities.notification.delivery;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The notifications that reached members, per {@link Channel}: counted where each channel delivers. */
public final class NotificationsSent {

    public static final String NAME = "nzc.notifications.sent";

    private NotificationsSent() {
    }

    public static Counter counter(MeterRegistry meters, Channel channel) {
        return Counter.builder(NAME).description("Notifications delivered to members, per channel")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT)).register(meters);
    }
}
