package org.netzerocities.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.delivery.Category;

class UnsubscribeTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final UnsubscribeTokens tokens = tokensAt(NOW, "the key");

    @Test
    void aTokenNamesItsMemberAndCategory() {
        String token = tokens.issue("member-1", Category.EVENTS);

        assertThat(tokens.verify(token)).isEqualTo(new UnsubscribeTokens.Unsubscription("member-1", Category.EVENTS));
    }

    @Test
    void aTokenWithAnotherMemberOrCategoryWrittenInIsRefused() {
        String token = tokens.issue("member-1", Category.EVENTS);
        String signature = token.substring(token.indexOf('.'));
        String otherMember = payload("member-2\nEVENTS\n" + NOW.getEpochSecond()) + signature;
        String otherCategory = payload("member-1\nCOMMUNITY\n" + NOW.getEpochSecond()) + signature;

        assertRefused(otherMember, UnsubscribeTokens.Refusal.INVALID);
        assertRefused(otherCategory, UnsubscribeTokens.Refusal.INVALID);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertRefused(tokensAt(NOW, "another key").issue("member-1", Category.EVENTS), UnsubscribeTokens.Refusal.INVALID);
    }

    @Test
    void aTokenPastItsValidityIsExpiredAndOneFromTheFutureIsForged() {
        String old = tokensAt(NOW.minus(Duration.ofDays(366)), "the key").issue("member-1", Category.EVENTS);
        String future = tokensAt(NOW.plus(Duration.ofHours(1)), "the key").issue("member-1", Category.EVENTS);

        assertRefused(old, UnsubscribeTokens.Refusal.EXPIRED);
        assertRefused(future, UnsubscribeTokens.Refusal.INVALID);
        assertThat(tokensAt(NOW.minus(Duration.ofDays(364)), "the key").issue("member-1", Category.EVENTS))
                .satisfies(recent -> assertThat(tokens.verify(recent).memberId()).isEqualTo("member-1"));
    }

    @Test
    void malformedTokensAreRefused() {
        for (String token : new String[] { null, "", ".", "abc", "a.b.c", "x".repeat(5000) + "." + "y".repeat(43),
                "{\"$gt\":\"\"}", "abc." + "!".repeat(43) }) {
            assertRefused(token, UnsubscribeTokens.Refusal.INVALID);
        }
    }

    private void assertRefused(String token, UnsubscribeTokens.Refusal refusal) {
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOfSatisfying(UnsubscribeTokens.RefusedToken.class,
                refused -> assertThat(refused.refusal).isEqualTo(refusal));
    }

    private static String payload(String fields) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fields.getBytes(StandardCharsets.UTF_8));
    }

    private static UnsubscribeTokens tokensAt(Instant now, String key) {
        return new UnsubscribeTokens(EmailUnitFixtures.key(key), Clock.fixed(now, ZoneOffset.UTC),
                EmailUnitFixtures.settings(key));
    }
}
