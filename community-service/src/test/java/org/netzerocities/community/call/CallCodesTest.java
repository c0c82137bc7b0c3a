package org.netzerocities.community.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CallCodesTest {

    private final CallCodes codes = new CallCodes(new SplittableRandom(42));

    @Test
    void aCodeIsTheCityPrefixAndFiveUnambiguousCharacters() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(codes.next("cluj-napoca")).matches("CLUJ-[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{5}")
                    .doesNotContain("0", "O", "1", "I");
        }
    }

    @Test
    void everyCharacterOfTheAlphabetIsDrawn() {
        Set<Character> drawn = new HashSet<>();
        IntStream.range(0, 2_000).forEach(i -> codes.next("malmo").substring(6).chars()
                .forEach(c -> drawn.add((char) c)));
        assertThat(drawn).hasSize(CallCodes.ALPHABET.length());
    }

    @Test
    void thePrefixIsShortAndRecognisable() {
        assertThat(CallCodes.prefix("cluj-napoca")).isEqualTo("CLUJ");
        assertThat(CallCodes.prefix("malmo")).isEqualTo("MALMO");
        assertThat(CallCodes.prefix("la-louviere")).isEqualTo("LALOUV");
        assertThat(CallCodes.prefix("the-hague")).isEqualTo("THE");
        assertThat(CallCodes.prefix("bucharest-district-2")).isEqualTo("BUCHAR");
        assertThat(CallCodes.prefix("2-4")).isEqualTo("NZC");
    }

    @Test
    void aCodeIsReadInAnyCaseAndWithSurroundingSpaces() {
        assertThat(CallCodes.normalise(" cluj-7kq2x ")).contains("CLUJ-7KQ2X");
        assertThat(CallCodes.normalise("CLUJ-7KQ2X")).contains("CLUJ-7KQ2X");
    }

    @Test
    void whatCannotBeACodeNamesNoCall() {
        assertThat(CallCodes.normalise(null)).isEmpty();
        assertThat(CallCodes.normalise("CLUJ-7KQ20")).as("0 is not in the alphabet").isEmpty();
        assertThat(CallCodes.normalise("CLUJ-7KQ2")).as("too short").isEmpty();
        assertThat(CallCodes.normalise("{\"$gt\":\"\"}")).isEmpty();
        assertThat(CallCodes.normalise("CLUJ-7KQ2X".repeat(20_000))).isEmpty();
        assertThat(CallCodes.normalise("CLUJ-7KQ2X\u0000")).isEmpty();
    }

    @Test
    void generatedCodesReadBackAsThemselves() {
        IntStream.range(0, 200).mapToObj(i -> codes.next("la-louviere"))
                .forEach(code -> assertThat(CallCodes.normalise(code.toLowerCase())).contains(code));
    }
}
