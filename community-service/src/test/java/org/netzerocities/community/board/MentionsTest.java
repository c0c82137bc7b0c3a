package org.netzerocities.community.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** How {@code @displayName} in a post's text becomes the members it mentions. */
class MentionsTest {

    @Test
    void aNameKeyIgnoresCaseAccentsAndPunctuation() {
        assertThat(Mentions.key("  Anna-María  O'Neil ")).isEqualTo("anna maria o neil");
        assertThat(Mentions.key("Zoë Ştefan")).isEqualTo("zoe stefan");
        assertThat(Mentions.key("★ ★")).isNull();
        assertThat(Mentions.key(null)).isNull();
    }

    @Test
    void eachMentionOffersItsWordRunsLongestFirstUpToTheLineEnd() {
        assertThat(Mentions.candidates("Thanks @Ana Pop, see you\nnext week"))
                .containsExactly(List.of("ana pop see you", "ana pop see", "ana pop", "ana"));
        assertThat(Mentions.candidates("@a b c d e f g h")).containsExactly(
                List.of("a b c d e f", "a b c d e", "a b c d", "a b c", "a b", "a"));
    }

    @Test
    void anEmailAddressOrABareSignIsNoMention() {
        assertThat(Mentions.candidates("write to ana@example.org or @ 10:00, @@, @")).isEmpty();
        assertThat(Mentions.candidates("@Ana (@Bob)")).containsExactly(List.of("ana"), List.of("bob"));
        assertThat(Mentions.candidates("@Ana@example.org")).containsExactly(List.of("ana"));
    }

    @Test
    void theLongestNameThatMatchesWins() {
        var candidates = Mentions.candidates("hi @Ana Pop thanks");
        Map<String, Set<String>> mentionable = Map.of("ana", Set.of("m-ana"), "ana pop", Set.of("m-ana-pop"));
        assertThat(Mentions.resolve(candidates, mentionable)).containsExactly("m-ana-pop");
        assertThat(Mentions.resolve(Mentions.candidates("hi @Ana thanks"), mentionable)).containsExactly("m-ana");
    }

    @Test
    void everyoneWhoSharesTheWinningNameIsMentionedEachOnce() {
        var candidates = Mentions.candidates("@Ana Pop and again @ana pop, and @Bob");
        Map<String, Set<String>> mentionable = Map.of("ana pop", Set.of("m-1", "m-2"), "bob", Set.of("m-3"));
        assertThat(Mentions.resolve(candidates, mentionable)).containsExactlyInAnyOrder("m-1", "m-2", "m-3");
    }

    @Test
    void aNameNobodyMentionableGoesByMentionsNobody() {
        assertThat(Mentions.resolve(Mentions.candidates("@Eve hello"), Map.of("ana", Set.of("m-1")))).isEmpty();
        assertThat(Mentions.resolve(Mentions.candidates("@Eve"), Map.of("eve", Set.of()))).isEmpty();
    }

    @Test
    void aPostReadsAtMostSoManyMentions() {
        assertThat(Mentions.candidates("@a ".repeat(Mentions.MAX_MENTIONS + 10))).hasSize(Mentions.MAX_MENTIONS);
    }
}
