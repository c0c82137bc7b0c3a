package org.netzerocities.campaign.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String TOKEN = "IGQWRPa1ZAlong-lived-token";

    private final CredentialCipher cipher = CredentialCipher.fromConfiguration(KEY);

    @Test
    void aTokenIsReadBackOnlyForItsChannel() {
        String sealed = cipher.encrypt(TOKEN, "channel-1");

        assertThat(cipher.decrypt(sealed, "channel-1")).contains(TOKEN);
        assertThat(cipher.decrypt(sealed, "channel-2")).isEmpty();
    }

    @Test
    void theStoredFormRevealsNothingOfTheTokenAndDiffersEachTime() {
        String sealed = cipher.encrypt(TOKEN, "channel-1");

        assertThat(sealed).doesNotContain(TOKEN).doesNotContain(Base64.getEncoder().encodeToString(TOKEN.getBytes()));
        assertThat(cipher.encrypt(TOKEN, "channel-1")).isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyOrATamperedFormReadsNothing() {
        String sealed = cipher.encrypt(TOKEN, "channel-1");
        byte[] tampered = Base64.getDecoder().decode(sealed);
        tampered[tampered.length - 1] ^= 1;

        assertThat(CredentialCipher.fromConfiguration(null).decrypt(sealed, "channel-1")).isEmpty();
        assertThat(cipher.decrypt(Base64.getEncoder().encodeToString(tampered), "channel-1")).isEmpty();
        assertThat(cipher.decrypt("not base64!", "channel-1")).isEmpty();
        assertThat(cipher.decrypt("AAAA", "channel-1")).isEmpty();
    }

    @Test
    void aKeyMustBe32Bytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> CredentialCipher.fromConfiguration(
                Base64.getEncoder().encodeToString(new byte[16])));
    }
}
