package org.netzerocities.community.pin;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.netzerocities.support.ApiProblem;

/**
 * The links the shared board accepts: absolute {@code http} or {@code https} URLs that name a real host (a
 * domain name with a top-level domain, no IP address, no {@code localhost}) and carry no credentials. Members
 * click these links on other members' pins, so anything a browser could run or mistake is refused rather than
 * repaired: {@code javascript:}, {@code data:}, relative and protocol-relative links, {@code user:pass@}
 * authorities. The stored form is plain ASCII: an internationalised host becomes punycode (a look-alike host
 * shows as what it is) and every other non-ASCII character is percent-encoded (no bidirectional overrides).
 */
final class PinUrl {

    static final int MAX_LENGTH = 2000;
    private static final int MAX_HOST_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** Letters only, or an internationalised TLD in punycode: an all-digit last label is an IPv4 address. */
    private static final Pattern TOP_LEVEL = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private PinUrl() {
    }

    /**
     * The URL as the board stores and shows it: scheme and host in lower case, the host in ASCII, the rest
     * percent-encoded where it is not ASCII.
     *
     * @throws ApiProblem 400 on field {@code url} for anything else
     */
    static String normalise(String url) {
        if (url == null || url.isBlank()) {
            throw invalid("is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters");
        }
        if (url.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c))) {
            throw invalid("must not contain spaces or control characters");
        }
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid("must be an absolute http or https URL, e.g. https://example.org/page");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("must be an http or https URL");
        }
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#\\".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        if (authority.contains("@")) {
            throw invalid("must not contain a user name or password");
        }
        if (authority.startsWith("[")) {
            throw invalid("must name a host, not an IP address");
        }
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? "" : ":" + port(authority.substring(colon + 1));
        String asciiHost = asciiHost(host);
        URI uri;
        try {
            uri = new URI(scheme + "://" + asciiHost + port + url.substring(authorityEnd));
        }
        catch (URISyntaxException ex) {
            throw invalid("is not a valid URL: " + ex.getReason());
        }
        // java.net.URI falls back to a registry authority (no host) for what it cannot read as a server
        if (!asciiHost.equals(uri.getHost()) || uri.getRawUserInfo() != null) {
            throw invalid("is not a valid URL");
        }
        String normalised = uri.toASCIIString();
        if (normalised.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters once encoded");
        }
        return normalised;
    }

    private static String port(String digits) {
        if (!PORT.matcher(digits).matches() || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > 65535) {
            throw invalid("must have a port between 1 and 65535, if any");
        }
        return digits;
    }

    private static String asciiHost(String host) {
        if (host.isEmpty()) {
            throw invalid("must name a host");
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        }
        catch (IllegalArgumentException ex) {
            throw invalid("must name a valid host");
        }
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1); // the root's dot: example.org. is example.org
        }
        if (ascii.length() > MAX_HOST_LENGTH) {
            throw invalid("must name a host of at most " + MAX_HOST_LENGTH + " characters");
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || !TOP_LEVEL.matcher(labels[labels.length - 1]).matches()) {
            throw invalid("must name a host with a domain, e.g. example.org");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid("must name a valid host");
            }
        }
        return ascii;
    }

    private static ApiProblem invalid(String message) {
        return ApiProblem.invalid("url", message);
    }
}
