package org.netzerocities.learning.certificate;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * Verification codes: 100 random bits from a {@link SecureRandom}, written in Crockford's base32 (digits and
 * capitals without I, L, O and U, so that no two symbols are mistaken for each other when read aloud or copied
 * from paper) in five groups of four, e.g. {@code 7KQ2-M9XD-3HTA-0BZC-W5RN}. Unguessable: finding a valid code
 * by trying is hopeless even with millions of certificates issued.
 *
 * <p>People type codes back from a PDF or a printout, so a code is read leniently: any case, with or without the
 * hyphens, O for zero and I or L for one, as Crockford's decoding rules say.
 */
final class VerificationCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Symbols of a code: 20 of 5 bits each. */
    static final int SYMBOLS = 20;
    static final int GROUP = 4;
    /** The canonical form's length: the symbols and a hyphen between groups. */
    static final int LENGTH = SYMBOLS + SYMBOLS / GROUP - 1;

    private final SecureRandom random;

    VerificationCodes(SecureRandom random) {
        this.random = random;
    }

    /** A new code in its canonical form. */
    String next() {
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (int i = 0; i < SYMBOLS; i++) {
            symbols.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return grouped(symbols);
    }

    /**
     * The canonical form of a code as someone typed it, or empty when it cannot be a code at all (wrong length,
     * a symbol outside the alphabet): such input needs no database look-up.
     */
    static Optional<String> canonical(String typed) {
        // hyphens may be doubled or missing, but anything much longer than a code is not one
        if (typed == null || typed.length() > 2 * LENGTH) {
            return Optional.empty();
        }
        StringBuilder symbols = new StringBuilder(SYMBOLS);
        for (char c : typed.toCharArray()) {
            // ASCII only: String.toUpperCase would turn some other letters into code symbols (ß into SS)
            char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
            char symbol = switch (upper) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> upper;
            };
            if (symbol == '-') {
                continue;
            }
            if (ALPHABET.indexOf(symbol) < 0 || symbols.length() == SYMBOLS) {
                return Optional.empty();
            }
            symbols.append(symbol);
        }
        return symbols.length() == SYMBOLS ? Optional.of(grouped(symbols)) : Optional.empty();
    }

    private static String grouped(CharSequence symbols) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(symbols.charAt(i));
        }
        return code.toString();
    }
}
