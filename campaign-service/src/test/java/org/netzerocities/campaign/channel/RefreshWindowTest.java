package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RefreshWindowTest {

    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Duration TEN_DAYS = Duration.ofDays(10);

    @Test
    void aTokenWithMoreThanTheWindowToLiveIsLeftAlone() {
        assertThat(RefreshWindow.of(NOW.plus(TEN_DAYS).plusSeconds(1), NOW, TEN_DAYS)).isEqualTo(RefreshWindow.NOT_YET);
    }

    @Test
    void aTokenExpiringWithinTheWindowIsRefreshed() {
        assertThat(RefreshWindow.of(NOW.plus(TEN_DAYS), NOW, TEN_DAYS)).isEqualTo(RefreshWindow.REFRESH);
        assertThat(RefreshWindow.of(NOW.plusSeconds(1), NOW, TEN_DAYS)).isEqualTo(RefreshWindow.REFRESH);
    }

    @Test
    void anExpiredTokenCannotBeRefreshed() {
        assertThat(RefreshWindow.of(NOW, NOW, TEN_DAYS)).isEqualTo(RefreshWindow.EXPIRED);
        assertThat(RefreshWindow.of(NOW.minusSeconds(1), NOW, TEN_DAYS)).isEqualTo(RefreshWindow.EXPIRED);
    }
}
