package org.netzerocities.community.call;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Short codes people read out, type and share: a prefix from the city id and five characters from an alphabet
 * without look-alikes (no 0/O, no 1/I), e.g. {@code CLUJ-7KQ2X}. 32^5 (about 33 million) codes per city keep
 * collisions rare and codes hard to guess; the unique index catches the rare collision.
 */
class CallCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 5;
    private static final int MAX_PREFIX = 6;
    /** What a code may look like once normalised; anything else cannot name a call. */
    private static final Pattern SHAPE = Pattern.compile("[A-Z]{1," + MAX_PREFIX + "}-[" + ALPHABET + "]{" + LENGTH + "}");

    private final RandomGenerator random;

    CallCodes() {
        this(new SecureRandom());
    }

    CallCodes(RandomGenerator random) {
        this.random = random;
    }

    String next(String city) {
        StringBuilder code = new StringBuilder(prefix(city)).append('-');
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The city id's first word in capitals, joined with the next when it is too short to recognise
     * ({@code la-louviere} → {@code LALOUV}), at most six letters.
     */
    static String prefix(String city) {
        String[] words = city.toUpperCase(Locale.ROOT).replaceAll("[^A-Z-]", "").split("-+");
        StringBuilder prefix = new StringBuilder();
        for (String word : words) {
            prefix.append(word);
            if (prefix.length() >= 3) {
                break;
            }
        }
        String letters = prefix.length() > MAX_PREFIX ? prefix.substring(0, MAX_PREFIX) : prefix.toString();
        return letters.isEmpty() ? "NZC" : letters;
    }

    /** The code as stored (upper case, trimmed) when it can be one: codes are read case-insensitively. */
    static Optional<String> normalise(String code) {
        if (code == null || code.length() > 40) {
            return Optional.empty();
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(upper).matches() ? Optional.of(upper) : Optional.empty();
    }
}
