package org.netzerocities.notification.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.netzerocities.notification.delivery.Category;
import org.springframework.stereotype.Component;

/**
 * The token of an email's one-click unsubscribe link: member id, category and issue time, signed with HMAC-SHA256
 * ({@link SigningKey}), so that no one can write a token for another member or category; it expires after
 * {@code nzc.notifications.email.unsubscribe-validity}.
 */
@Component
class UnsubscribeTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,400}\\.[A-Za-z0-9_-]{43}");
    private static final String PURPOSE = "unsubscribe";
    /** Clocks of two instances differ a little; a token "from the future" beyond this is forged. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    record Unsubscription(String memberId, Category category) {
    }

    /** Why a token is refused. */
    enum Refusal {
        INVALID, EXPIRED
    }

    static final class RefusedToken extends RuntimeException {

        final Refusal refusal;

        RefusedToken(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    private final SigningKey key;
    private final Clock clock;
    private final Duration validity;

    UnsubscribeTokens(SigningKey key, Clock clock, EmailSettings settings) {
        this.key = key;
        this.clock = clock;
        this.validity = settings.unsubscribeValidity();
    }

    String issue(String memberId, Category category) {
        String payload = ENCODER.encodeToString((memberId + "\n" + category.name() + "\n"
                + clock.instant().getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(key.mac(PURPOSE, payload));
    }

    /** @throws RefusedToken when the token is malformed, forged or expired */
    Unsubscription verify(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            throw new RefusedToken(Refusal.INVALID);
        }
        int dot = token.indexOf('.');
        String payload = token.substring(0, dot);
        if (!MessageDigest.isEqual(key.mac(PURPOSE, payload), DECODER.decode(token.substring(dot + 1)))) {
            throw new RefusedToken(Refusal.INVALID);
        }
        String[] fields = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\n", -1);
        Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(fields[2]));
        Instant now = clock.instant();
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new RefusedToken(Refusal.INVALID);
        }
        if (issuedAt.plus(validity).isBefore(now)) {
            throw new RefusedToken(Refusal.EXPIRED);
        }
        return new Unsubscription(fields[0], Category.valueOf(fields[1]));
    }
}
