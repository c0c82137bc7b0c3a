package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A new version of the community manifesto is current; members who accepted an older one are asked to accept again. */
public record ManifestoVersionPublished(
        int version,
        Instant publishedAt,
        String summary) {
}
