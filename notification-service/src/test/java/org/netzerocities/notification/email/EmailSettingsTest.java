package org.netzerocities.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class EmailSettingsTest {

    @Test
    void retriesBackOffExponentiallyUpToTheMaximum() {
        EmailSettings settings = EmailUnitFixtures.settings("k");

        assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(settings.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoff(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
