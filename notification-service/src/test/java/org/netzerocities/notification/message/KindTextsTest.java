package org.netzerocities.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netzerocities.notification.delivery.Kind;

/** Every kind reads naturally in every language the platform promises, with the placeholders routing fills. */
class KindTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    @ParameterizedTest
    @ValueSource(strings = { "fr", "de", "it", "es", "pl" })
    void everyKindHasATitleAndBodyWithTheEnglishPlaceholders(String language) throws IOException {
        Properties english = load("messages/notifications.properties");
        Properties translated = load("messages/notifications_" + language + ".properties");

        SoftAssertions softly = new SoftAssertions();
        for (Kind kind : Kind.values()) {
            for (String part : new String[] { ".title", ".body" }) {
                String key = kind.name() + part;
                softly.assertThat(english.getProperty(key)).as("English " + key).isNotBlank();
                softly.assertThat(translated.getProperty(key)).as(language + " " + key).isNotBlank()
                        .isNotEqualTo(english.getProperty(key));
                if (translated.getProperty(key) != null && english.getProperty(key) != null) {
                    softly.assertThat(placeholders(translated.getProperty(key))).as(language + " " + key)
                            .isEqualTo(placeholders(english.getProperty(key)));
                }
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @ValueSource(strings = { "fr", "de", "it", "es", "pl" })
    void theMembersLanguageIsRenderedFromItsUtf8File(String language) {
        NotificationTexts texts = new NotificationTexts();

        assertThat(texts.translatedInto(language)).isTrue();
        assertThat(texts.render(Kind.THREAD_REPLY, Map.of("threadTitle", "Żółć à «ß»"), language).title())
                .contains("Żółć à «ß»").doesNotContain("{threadTitle}")
                .isNotEqualTo(texts.render(Kind.THREAD_REPLY, Map.of("threadTitle", "Żółć à «ß»"), "en").title());
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = KindTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
