package org.netzerocities.notification.message;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.netzerocities.notification.delivery.Kind;
import org.springframework.stereotype.Component;

/**
 * The title and body of each {@link Kind} in a member's language, from {@code messages/notifications_<lang>.properties}
 * (UTF-8), falling back key by key to English ({@code notifications.properties}). Placeholders are named,
 * {@code {threadTitle}}, so that translators can reorder them; the values are plain text (templates escape them).
 */
@Component
public class NotificationTexts {

    static final String BUNDLE = "messages.notifications";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public record Text(String title, String body) {
    }

    public Text render(Kind kind, Map<String, String> params, String language) {
        ResourceBundle bundle = bundle(language);
        return new Text(fill(bundle.getString(kind.name() + ".title"), params),
                fill(bundle.getString(kind.name() + ".body"), params));
    }

    /** Any other text of the bundle (email chrome, digest headings), in the language or English. */
    public String text(String key, Map<String, String> params, String language) {
        return fill(bundle(language).getString(key), params);
    }

    /** Whether {@code language} has its own file (not only the English fallback). */
    public boolean translatedInto(String language) {
        try {
            return bundle(language).getLocale().getLanguage().equals(normalise(language));
        }
        catch (MissingResourceException ex) {
            return false;
        }
    }

    private static ResourceBundle bundle(String language) {
        return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(normalise(language)), NO_DEFAULT_LOCALE);
    }

    private static String normalise(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        return Locale.forLanguageTag(language.strip()).getLanguage();
    }

    private static String fill(String pattern, Map<String, String> params) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(text, Matcher.quoteReplacement(params.getOrDefault(placeholder.group(1), "")));
        }
        return placeholder.appendTail(text).toString();
    }
}
