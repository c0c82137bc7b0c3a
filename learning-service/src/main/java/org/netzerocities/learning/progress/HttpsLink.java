package org.netzerocities.learning.progress;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.netzerocities.support.ApiProblem;

/**
 * The links a learner may hand in as homework: absolute {@code https} URLs naming a host, without credentials.
 * Facilitators open them, so nothing a browser could run ({@code javascript:}, {@code data:}) or mistake gets in.
 */
final class HttpsLink {

    static final int MAX_LENGTH = 2000;

    private HttpsLink() {
    }

    /**
     * The link as stored, or null when none was given.
     *
     * @throws ApiProblem 400 on {@code field} for anything but an https URL with a host
     */
    static String check(String field, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (link.length() > MAX_LENGTH) {
            throw ApiProblem.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (link.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c))) {
            throw ApiProblem.invalid(field, "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(link);
        }
        catch (URISyntaxException ex) {
            throw ApiProblem.invalid(field, "is not a valid URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw ApiProblem.invalid(field, "must be an https URL, e.g. https://example.org/my-homework");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw ApiProblem.invalid(field, "must name a host, without user name or password");
        }
        return uri.toASCIIString();
    }
}
