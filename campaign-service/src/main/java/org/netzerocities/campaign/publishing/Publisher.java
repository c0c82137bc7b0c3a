package org.netzerocities.campaign.publishing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.netzerocities.campaign.publishing.Publications.PostToPublish;

/**
 * Where posts go: Instagram's Graph API, or a local record of what would have been posted. Publishing is split
 * into the Graph API's steps (create a container, wait until it is ready, publish it) so that the scheduler can
 * store each step's result before the next one and reconcile a post whose outcome it never learnt.
 * Failures are {@link PublishFailure}s saying whether trying again later can help.
 */
interface Publisher {

    /** Creates the media container for the post (with its carousel items); returns the container id. */
    String createContainer(Account account, PostToPublish post);

    /** The container's status, waiting (with backoff, up to a bound) while Instagram is still processing it. */
    ContainerStatus awaitContainer(Account account, String containerId);

    /** Publishes a ready container; returns the media and its permalink. */
    Published publish(Account account, String containerId);

    /**
     * Reconciliation of a container that was published although the answer to {@link #publish} was lost: the
     * media it became, looked up among the account's media published since {@code since}.
     */
    Optional<Published> findPublished(Account account, String containerId, String caption, Instant since);

    /** The media's insights by metric name; empty when the publisher has none. */
    Map<String, Long> insights(Account account, String mediaId);

    /** The account's publishing usage in the last 24 hours as the platform reports it; empty when it has none. */
    Optional<PublishingLimit.Usage> usage(Account account);

    enum ContainerStatus {
        IN_PROGRESS, FINISHED, PUBLISHED, ERROR, EXPIRED
    }

    /** An Instagram professional account and the token to act for it; the token is never logged. */
    record Account(String instagramUserId, String token, String handle) {

        @Override
        public String toString() {
            return "Account[instagramUserId=" + instagramUserId + ", handle=" + handle + "]";
        }
    }

    record Published(String mediaId, String permalink) {
    }
}
