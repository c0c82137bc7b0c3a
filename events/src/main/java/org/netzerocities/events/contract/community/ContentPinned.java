package org.netzerocities.events.contract.community;

import java.time.Instant;
import java.util.List;

/**
 * A member pinned their own social-media content or a resource to a city's shared board.
 *
 * @param url  an absolute http(s) URL without credentials, its host in ASCII (IDN hosts as punycode)
 * @param tags lower-case tags
 * @param kind {@code SOCIAL_POST} or {@code RESOURCE}
 */
public record ContentPinned(
        String pinId,
        String memberId,
        String city,
        String url,
        List<String> tags,
        String title,
        String kind,
        Instant pinnedAt) {
}
