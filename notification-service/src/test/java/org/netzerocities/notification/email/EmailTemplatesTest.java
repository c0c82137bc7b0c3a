package org.netzerocities.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.netzerocities.notification.contact.MemberContact;
import org.netzerocities.notification.delivery.EmailRequest;
import org.netzerocities.notification.delivery.EmailRequest.DigestEntry;
import org.netzerocities.notification.delivery.Kind;
import org.netzerocities.notification.message.NotificationTexts;

/** What the templates make of a request: languages, escaping, absolute links, the digest's order. */
class EmailTemplatesTest {

    private final EmailTemplates templates = new EmailTemplates(new NotificationTexts(), "https://portal.test/");

    @Test
    void everyValueIsEscapedInTheHtmlPartAndLinksAreAbsolute() {
        var email = templates.notification(request(Kind.MENTION, Map.of("threadTitle", "<script>x()</script>"),
                "/groups/1?post=2&x=<y>", List.of()), contact("en", "<img src=x>"), "https://portal.test/u?token=t");

        assertThat(email.subject()).isEqualTo("You were mentioned in “<script>x()</script>”");
        assertThat(email.html()).doesNotContain("<script>", "<img src=x>")
                .contains("&lt;script&gt;x()&lt;/script&gt;", "Hello &lt;img src=x&gt;,",
                        "href=\"https://portal.test/groups/1?post=2&amp;x=&lt;y&gt;\"",
                        "href=\"https://portal.test/u?token=t\"", "href=\"https://portal.test/settings/notifications\"");
        assertThat(email.text()).contains("Hello <img src=x>,", "https://portal.test/groups/1?post=2&x=<y>",
                "Unsubscribe from community emails: https://portal.test/u?token=t");
    }

    @Test
    void aLinkToAnotherSiteIsDropped() {
        assertThat(templates.absolute("//evil.example/x")).isNull();
        assertThat(templates.absolute("https://evil.example/x")).isNull();
        assertThat(templates.absolute("javascript:alert(1)")).isNull();
        assertThat(templates.absolute("/events/1")).isEqualTo("https://portal.test/events/1");
    }

    @Test
    void theDigestListsItsEntriesNewestFirstInTheMembersLanguage() {
        Instant morning = Instant.parse("2026-11-28T08:00:00Z");
        var email = templates.notification(request(Kind.DIGEST, Map.of(), null, List.of(
                new DigestEntry("n-1", Kind.MENTION, "Older", "first body", "/a", morning),
                new DigestEntry("n-2", Kind.MENTION, "Newer", "second body", null, morning.plusSeconds(3600)))),
                contact("pl", "Ola"), "https://portal.test/u?token=t");

        assertThat(email.text()).contains("Dzień dobry, Ola,", "Co otrzymałeś");
        assertThat(email.text().indexOf("Newer")).isLessThan(email.text().indexOf("Older"));
        assertThat(email.html().indexOf("Newer")).isLessThan(email.html().indexOf("Older"));
        assertThat(email.html()).contains("href=\"https://portal.test/a\"");
    }

    @Test
    void anAccountEmailCarriesItsLinkAndExpiryAndNoUnsubscribeLink() {
        var email = templates.account(EmailTemplates.AccountEmail.PASSWORD_RESET, "it", null,
                "https://portal.test/reset?code=abc", Map.of("expiresAt", "2026-11-29 09:00"));

        assertThat(email.subject()).isEqualTo("Reimposta la tua password");
        assertThat(email.text()).startsWith("Ciao,").contains("https://portal.test/reset?code=abc",
                "valido fino al 2026-11-29 09:00").doesNotContain("Annulla l’iscrizione");
        assertThat(email.html()).contains("href=\"https://portal.test/reset?code=abc\"").doesNotContain("token=");
    }

    private static EmailRequest request(Kind kind, Map<String, String> params, String link, List<DigestEntry> entries) {
        return new EmailRequest("e-1", "m-1", kind, params, link, entries, Instant.now());
    }

    private static MemberContact contact(String language, String displayName) {
        return new MemberContact("m-1", "m@example.org", true, language, "Europe/Warsaw", displayName, null, List.of(),
                List.of(), null, List.of());
    }
}
