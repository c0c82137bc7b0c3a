package org.netzerocities.community.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netzerocities.support.ApiProblem;

class TagsTest {

    @Test
    void tagsAreLowerCaseHyphenatedWithoutHashAndWithoutDuplicates() {
        assertThat(Tags.normalise(List.of("#Energy", " repair  Café ", "energy", "solar_panels", "ＣＯ２", "e-bikes")))
                .containsExactly("energy", "repair-café", "solar-panels", "co2", "e-bikes");
    }

    @Test
    void noTagsIsAnEmptyList() {
        assertThat(Tags.normalise(null)).isEmpty();
        assertThat(Tags.normalise(List.of())).isEmpty();
    }

    @Test
    void aQueryTagIsNormalisedLikeAPinsTags() {
        assertThat(Tags.tag("#Repair Café", "tag")).isEqualTo(Tags.normalise(List.of("repair-café")).get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "   ", "#", "-energy", "energy-", "a--b", "<script>", "a/b", "{\"$gt\":\"\"}",
            "$ne", "energy!", "\u0000", "x\u202e" })
    void refusesWhatIsNotWords(String tag) {
        assertThatThrownBy(() -> Tags.normalise(List.of(tag))).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getBody().getProperties()).extractingByKey("errors").asString()
                        .contains("tags[0]"));
    }

    @Test
    void refusesNullTagsTooLongTagsAndTooManyTags() {
        assertThatThrownBy(() -> Tags.normalise(Arrays.asList("energy", null))).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("null");
        assertThat(Tags.normalise(List.of("a".repeat(40)))).containsExactly("a".repeat(40));
        assertThatThrownBy(() -> Tags.normalise(List.of("a".repeat(41)))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Tags.tag("a".repeat(100_000), "tag")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> Tags.normalise(Collections.nCopies(11, "energy"))).isInstanceOf(ApiProblem.class);
    }
}
