package org.netzerocities.events.contract.community;

import java.time.Instant;

/** A new version of the terms of use and privacy notice is current; members are asked to accept it at their next login. */
public record TermsVersionPublished(
        int version,
        Instant publishedAt,
        String summary) {
}
