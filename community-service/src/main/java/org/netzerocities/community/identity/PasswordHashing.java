package org.netzerocities.community.identity;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Hashes passwords with BCrypt at the configured cost, stored as {@code {bcrypt}$2a$<cost>$...} so that a
 * hash made with other parameters is recognised ({@link #isOutdated}) and can be replaced at the next log-in.
 */
public class PasswordHashing {

    /** BCrypt reads at most this many bytes of a password; {@link AcceptablePassword} refuses longer ones. */
    public static final int MAX_BYTES = 72;
    private static final String BCRYPT = "bcrypt";

    private final PasswordEncoder encoder;

    PasswordHashing(int bcryptCost) {
        this.encoder = new DelegatingPasswordEncoder(BCRYPT, Map.of(BCRYPT, new BCryptPasswordEncoder(bcryptCost)));
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** A password too long to have ever been accepted matches nothing, rather than failing. */
    public boolean matches(String password, String hash) {
        return fitsBcrypt(password) && encoder.matches(password, hash);
    }

    /** Whether {@code hash} was made with other parameters than those configured now. */
    public boolean isOutdated(String hash) {
        return encoder.upgradeEncoding(hash);
    }

    static boolean fitsBcrypt(String password) {
        return password.length() <= MAX_BYTES && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }
}
