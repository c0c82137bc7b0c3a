package org.netzerocities.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verification codes are unguessable, easy to read back, and read leniently as people type them. */
class VerificationCodesTest {

    private static final String CANONICAL = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}";

    private final VerificationCodes codes = new VerificationCodes(new SecureRandom());

    @Test
    void aCodeCarriesAtLeastOneHundredRandomBitsInFiveGroupsOfFourSymbols() {
        double bits = VerificationCodes.SYMBOLS * Math.log(VerificationCodes.ALPHABET.length()) / Math.log(2);
        assertThat(bits).isGreaterThanOrEqualTo(100);
        assertThat(codes.next()).hasSize(VerificationCodes.LENGTH).hasSize(24).matches(CANONICAL);
    }

    @Test
    void manyCodesAreAllDifferentAndUseTheWholeAlphabetEvenly() {
        int count = 100_000;
        Set<String> seen = new HashSet<>();
        Map<Character, Integer> symbols = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String code = codes.next();
            assertThat(code).matches(CANONICAL);
            seen.add(code);
            code.replace("-", "").chars().forEach(c -> symbols.merge((char) c, 1, Integer::sum));
        }
        assertThat(seen).hasSize(count);
        assertThat(symbols).hasSize(32);
        double expected = count * VerificationCodes.SYMBOLS / 32.0;
        // 62,500 draws per symbol: a fair source stays well within 3 %
        assertThat(symbols.values()).allSatisfy(n -> assertThat(Math.abs(n - expected) / expected).isLessThan(0.03));
    }

    @Test
    void noSymbolIsOneThatReadsLikeAnother() {
        assertThat(VerificationCodes.ALPHABET).doesNotContain("I", "L", "O", "U").hasSize(32);
    }

    @Test
    void aCodeIsReadInAnyCaseWithOrWithoutHyphensAndWithLookAlikeLetters() {
        String code = "7KQ2-M9XD-3HTA-0BZC-W111";
        assertThat(VerificationCodes.canonical(code)).contains(code);
        assertThat(VerificationCodes.canonical("7kq2m9xd3hta0bzcw111")).contains(code);
        assertThat(VerificationCodes.canonical("7KQ2-M9XD-3HTA-OBZC-WIl1")).contains(code);
        assertThat(VerificationCodes.canonical("7KQ2--M9XD-3HTA-0BZC-W111-")).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "-", "7KQ2-M9XD-3HTA-0BZC-W51", "7KQ2-M9XD-3HTA-0BZC-W5111", "7KQ2-M9XD-3HTA-0BZC-W5U1",
            "7KQ2 M9XD 3HTA 0BZC W511", "7KQ2-M9XD-3HTA-0BZC-W51ß", "{\"$gt\":\"\"}", "a[$ne]=", ".*",
            "7KQ2-M9XD-3HTA-0BZC-W51\u0000", "７KQ2-M9XD-3HTA-0BZC-W511" })
    void whatCannotBeACodeIsNoCode(String typed) {
        assertThat(VerificationCodes.canonical(typed)).isEmpty();
    }

    @Test
    void nothingHugeOrMissingIsACode() {
        assertThat(VerificationCodes.canonical(null)).isEmpty();
        assertThat(VerificationCodes.canonical("-".repeat(200_000))).isEmpty();
        assertThat(VerificationCodes.canonical("A".repeat(200_000))).isEmpty();
    }
}
