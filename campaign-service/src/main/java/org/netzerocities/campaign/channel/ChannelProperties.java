package org.netzerocities.campaign.channel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code nzc.campaigns.channels.*}: the channels' background jobs.
 *
 * @param scanInterval  how often an instance looks for credentials to refresh and channels gone quiet; each look
 *                      reads the channels (a hundred or so) once
 * @param refreshWindow how long before expiry a token is refreshed (and its teams warned when that fails)
 * @param refreshLease  how long an instance holds a token it is refreshing: no other instance refreshes it
 *                      meanwhile, and after a failed refresh the next attempt waits that long
 */
@ConfigurationProperties("nzc.campaigns.channels")
record ChannelProperties(@DefaultValue("1h") Duration scanInterval, @DefaultValue("10d") Duration refreshWindow,
        @DefaultValue("15m") Duration refreshLease) {
}
