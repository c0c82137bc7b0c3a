package org.netzerocities.community.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing cost5 = new PasswordHashing(5);

    @Test
    void aHashMadeAtAnotherCostIsOutdated() {
        String older = new PasswordHashing(4).hash("correct horse battery");

        assertThat(cost5.matches("correct horse battery", older)).isTrue();
        assertThat(cost5.isOutdated(older)).isTrue();
        assertThat(cost5.isOutdated(cost5.hash("correct horse battery"))).isFalse();
    }

    @Test
    void aPasswordLongerThanBcryptReadsMatchesNothing() {
        String limit = "x".repeat(PasswordHashing.MAX_BYTES);
        String hash = cost5.hash(limit);

        assertThat(cost5.matches(limit, hash)).isTrue();
        // BCrypt alone would ignore everything after byte 72 and let this in
        assertThat(cost5.matches(limit + "y", hash)).isFalse();
    }
}
