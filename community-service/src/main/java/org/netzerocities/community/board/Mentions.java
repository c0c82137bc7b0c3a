package org.netzerocities.community.board;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.netzerocities.community.member.Keywords;

/**
 * {@code @displayName} mentions in a post's text. Names are compared by their key: the letters and digits of
 * the name, case and accents ignored, words separated by single spaces ({@code "@anna-maria  o'neil"} names
 * Anna-Maria O'Neil). A mention is the {@code @} at the start of a word (not in an e-mail address) followed by
 * up to {@value #MAX_WORDS} words on the same line; since display names contain spaces, every run of those
 * words is a candidate and the <b>longest</b> candidate that names someone who may be mentioned wins
 * ({@code "@Ana Pop thanks"} mentions Ana Pop rather than Ana). Display names are not unique: every member
 * with exactly the winning name among those who may be mentioned is mentioned.
 */
final class Mentions {

    /** Longer display names are rare; a longer candidate would cost lookups for nothing. */
    static final int MAX_WORDS = 6;
    /** More {@code @} than that in one post are not read as mentions: a post is not a mailing list. */
    static final int MAX_MENTIONS = 30;
    /** Display names have at most 80 characters; the words of one never reach further. */
    private static final int MAX_CHARS = 100;
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Mentions() {
    }

    /** The key a display name is found by, or {@code null} when it has no letter or digit. */
    static String key(String displayName) {
        if (displayName == null) {
            return null;
        }
        String key = String.join(" ", words(displayName));
        return key.isEmpty() ? null : key;
    }

    /** For each mention in the text, in order, its candidate keys, longest first. */
    static List<List<String>> candidates(String text) {
        List<List<String>> mentions = new ArrayList<>();
        for (int at = text.indexOf('@'); at >= 0 && mentions.size() < MAX_MENTIONS; at = text.indexOf('@', at + 1)) {
            if (at > 0 && Character.isLetterOrDigit(text.codePointBefore(at))) {
                continue; // an e-mail address, not a mention
            }
            int end = mentionEnd(text, at + 1);
            if (at + 1 == end || !Character.isLetterOrDigit(text.codePointAt(at + 1))) {
                continue; // "@ 10:00" or "@@": no name right after the sign
            }
            List<String> words = words(text.substring(at + 1, end));
            List<String> keys = new ArrayList<>();
            for (int n = Math.min(MAX_WORDS, words.size()); n >= 1; n--) {
                keys.add(String.join(" ", words.subList(0, n)));
            }
            mentions.add(keys);
        }
        return mentions;
    }

    /** Every key any mention may stand for: what to look up in one query. */
    static Set<String> keys(List<List<String>> candidates) {
        Set<String> keys = new LinkedHashSet<>();
        candidates.forEach(keys::addAll);
        return keys;
    }

    /**
     * The members mentioned: for each mention its longest candidate naming someone in {@code mentionable} (key to
     * the members who may be mentioned under it), all of them; each member once, in order of first mention.
     */
    static Set<String> resolve(List<List<String>> candidates, Map<String, ? extends Collection<String>> mentionable) {
        Set<String> mentioned = new LinkedHashSet<>();
        for (List<String> keys : candidates) {
            keys.stream().filter(key -> mentionable.containsKey(key) && !mentionable.get(key).isEmpty()).findFirst()
                    .ifPresent(key -> mentioned.addAll(mentionable.get(key)));
        }
        return mentioned;
    }

    /** A mention ends at the line's end, the next {@code @}, or after the characters the longest name may take. */
    private static int mentionEnd(String text, int from) {
        int end = from;
        int limit = Math.min(text.length(), from + MAX_CHARS);
        while (end < limit && text.charAt(end) != '\n' && text.charAt(end) != '\r' && text.charAt(end) != '@') {
            end++;
        }
        return end;
    }

    private static List<String> words(String text) {
        return Arrays.stream(WORDS.split(Keywords.normalise(text))).filter(word -> !word.isEmpty())
                .toList();
    }
}
