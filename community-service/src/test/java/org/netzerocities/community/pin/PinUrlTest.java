package org.netzerocities.community.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netzerocities.support.ApiProblem;

class PinUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://www.instagram.com/p/C0ffee/?img_index=1       | https://www.instagram.com/p/C0ffee/?img_index=1
            HTTPS://WWW.Example.ORG/Path?Q=A#Frag                  | https://www.example.org/Path?Q=A#Frag
            http://example.org                                    | http://example.org
            https://example.org./a                                | https://example.org/a
            https://example.org:8443/x                            | https://example.org:8443/x
            https://bücher.example/straße                         | https://xn--bcher-kva.example/stra%C3%9Fe
            https://例え.テスト/                                   | https://xn--r8jz45g.xn--zckzah/
            https://example.org/a%20b?q=%3Cscript%3E              | https://example.org/a%20b?q=%3Cscript%3E
            https://example.org/‮gpj.exe                      | https://example.org/%E2%80%AEgpj.exe
            """)
    void acceptsAbsoluteWebLinksAndStoresThemInAscii(String url, String stored) {
        assertThat(PinUrl.normalise(url)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)",
            "JavaScript:alert(document.cookie)",
            "javascript://example.org/%0Aalert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "ftp://example.org/file",
            "mailto:ana@example.org",
            "/relative/path",
            "relative/path",
            "//example.org/protocol-relative",
            "https:/example.org",
            "https://",
            "https:///path",
            "https://user:secret@example.org/",
            "https://user@example.org/",
            "https://example.org@evil.example/",
            "https://example.org\\@evil.example/",
            "https://evil.example\\.example.org/",
            "https://example.org\\path",
            "https://localhost/admin",
            "https://intranet/",
            "https://127.0.0.1/",
            "https://10.0.0.1:8080/",
            "https://[::1]/",
            "https://2130706433/",
            "https://exa mple.org/",
            "https://example.org/a b",
            " https://example.org/",
            "https://example.org/\u0000",
            "https://example.org/\nSet-Cookie:x",
            "https://example.org:0/",
            "https://example.org:65536/",
            "https://example.org:abc/",
            "https://example.org:/",
            "https://-example.org/",
            "https://exa_mple.org/",
            "https://%65xample.org/",
            "https://example.org/{bad}",
            "https://example.123/",
            ""
    })
    void refusesWhatIsNotAWebLinkToARealHost(String url) {
        assertThatThrownBy(() -> PinUrl.normalise(url)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
    }

    @Test
    void refusesHugeHostsAndLabels() {
        String longLabel = "a".repeat(64) + ".example.org";
        String longHost = ("a".repeat(60) + ".").repeat(5) + "org";
        String idnTooLong = "ü".repeat(70) + ".example";
        for (String host : new String[] { longLabel, longHost, idnTooLong }) {
            assertThatThrownBy(() -> PinUrl.normalise("https://" + host + "/")).isInstanceOf(ApiProblem.class);
        }
        assertThat(PinUrl.normalise("https://" + "a".repeat(63) + ".example.org/")).startsWith("https://aaa");
    }

    @Test
    void refusesLinksLongerThan2000CharactersAlsoOnceEncoded() {
        String base = "https://example.org/";
        assertThat(PinUrl.normalise(base + "a".repeat(2000 - base.length()))).hasSize(2000);
        assertThatThrownBy(() -> PinUrl.normalise(base + "a".repeat(2001 - base.length())))
                .isInstanceOf(ApiProblem.class);
        // 1000 characters, each encoded to six
        assertThatThrownBy(() -> PinUrl.normalise(base + "é".repeat(1000))).isInstanceOf(ApiProblem.class);
    }
}
