package org.netzerocities.learning.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.netzerocities.support.ApiProblem;

/** Which language a reader gets the programme in. */
class LanguagesTest {

    private static final List<String> NONE = List.of();

    @Test
    void theLanguageParameterWinsOverTheHeaderAndTheLearnersLanguages() {
        assertThat(Languages.preferred("FR", "de", () -> List.of("it"))).containsExactly("fr", "en");
    }

    @Test
    void aLanguageParameterThatIsNoIso6391CodeIsRefused() {
        for (String bad : List.of("xx", "fra", "f", "", "{\"$gt\":\"\"}", "fr-BE", "e\u0000")) {
            assertThatThrownBy(() -> Languages.preferred(bad, null, () -> NONE)).as(bad)
                    .isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void acceptLanguageIsReadByWeightWithRegionsDroppedAndUnknownCodesSkipped() {
        assertThat(Languages.preferred(null, "de;q=0.5, fr-BE;q=0.9, xx;q=1, *;q=0.1, es;q=0", () -> NONE))
                .containsExactly("fr", "de", "en");
    }

    @Test
    void aMalformedAcceptLanguageIsIgnored() {
        assertThat(Languages.preferred(null, "fr;q=abc,,;;", () -> List.of("it"))).containsExactly("it", "en");
    }

    @Test
    void theLearnersOwnLanguagesCountOnlyWhenTheRequestStatesNone() {
        assertThat(Languages.preferred(null, null, () -> List.of("PL", "xx", "sl"))).containsExactly("pl", "sl",
                "en");
        assertThat(Languages.preferred(null, "it", () -> {
            throw new AssertionError("the learner is not looked up when the header says enough");
        })).containsExactly("it", "en");
    }

    @Test
    void englishEndsEveryPreferenceAndNoneMeansEnglish() {
        assertThat(Languages.preferred(null, null, () -> NONE)).containsExactly("en");
        assertThat(Languages.preferred("en", null, () -> NONE)).containsExactly("en");
    }

    @Test
    void aTranslationIsPickedOnlyWhenPreferredToEnglish() {
        assertThat(Languages.pick(List.of("de", "fr", "en"), Set.of("fr", "es"))).contains("fr");
        assertThat(Languages.pick(List.of("en", "fr"), Set.of("fr"))).isEmpty();
        assertThat(Languages.pick(List.of("de", "en"), Set.of("fr"))).isEmpty();
    }
}
