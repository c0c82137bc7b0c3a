package org.netzerocities.campaign.publishing;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Links that must work for anyone on the internet: Instagram fetches a post's media itself, and members follow a
 * campaign's links. Checked when a post is drafted and again when it is queued for publishing. Only the syntax is checked, with no DNS lookup (the service does not fetch them): https, a
 * host name or a public address, no credentials, and no host that can only mean a private network.
 */
public final class PublicUrls {

    public static final int MAX_LENGTH = 2048;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private PublicUrls() {
    }

    /** Why {@code url} is not a publicly reachable https URL, or null when it is. */
    public static String problem(String url) {
        if (url == null || url.isBlank()) {
            return "must be an https URL";
        }
        if (url.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            return "is not a valid URL";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null) {
            return "must be an https URL";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry credentials";
        }
        String host = uri.getHost();
        if (host == null) {
            return "must name a host";
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") || IPV4.matcher(host).matches()) {
            return publicAddress(host) ? null : "must not point to a private, loopback or link-local address";
        }
        if (!HOST_NAME.matcher(host).matches()) {
            return "must name a public host";
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".internal") || host.endsWith(".lan") || host.endsWith(".home.arpa")) {
            return "must not point to a private network host";
        }
        return null;
    }

    /** An address literal (so resolving it does no DNS lookup) outside private, loopback and local ranges. */
    private static boolean publicAddress(String literal) {
        try {
            InetAddress address = InetAddress.getByName(literal);
            return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)
                    || carrierGrade(address));
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }

    /** IPv6 fc00::/7, the private range Java's isSiteLocalAddress does not cover. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, shared address space behind carrier-grade NAT. */
    private static boolean carrierGrade(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
