package org.netzerocities.campaign.publishing;

import java.util.Optional;

/**
 * The account's publishing limit: at most {@code perDay} posts in any 24 hours (Instagram's own limit is higher;
 * a lower configured one leaves room for posts made by hand). Counted from two sides, whichever is higher: the
 * posts this service published for the channel, and the usage Instagram reports ({@code content_publishing_limit}),
 * which also sees posts made elsewhere; the smaller of the configured and Instagram's total applies.
 */
record PublishingLimit(int perDay) {

    PublishingLimit {
        if (perDay < 1) {
            throw new IllegalArgumentException("the publishing limit must allow at least one post a day");
        }
    }

    /** Whether one more post may go out now. */
    boolean allowsAnother(long publishedHere, Optional<Usage> reported) {
        long used = Math.max(publishedHere, reported.map(Usage::used).orElse(0));
        int total = reported.map(usage -> Math.min(perDay, usage.total())).orElse(perDay);
        return used < total;
    }

    /** Instagram's answer: {@code used} posts of {@code total} in the current 24 hours. */
    record Usage(int used, int total) {
    }
}
