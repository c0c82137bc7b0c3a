package org.netzerocities.notification.email;

import java.time.Duration;

/** Settings of the email channel for unit tests: the defaults of application.yml and a fixed key. */
final class EmailUnitFixtures {

    private EmailUnitFixtures() {
    }

    static EmailSettings settings(String key) {
        return new EmailSettings("NetZeroCommunities <no-reply@netzerocommunities.local>", false, Duration.ofHours(24),
                Duration.ofHours(48), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofSeconds(5), key,
                Duration.ofDays(365));
    }

    static SigningKey key(String key) {
        return new SigningKey(null, settings(key));
    }
}
