package org.netzerocities.campaign.campaign;

import java.time.Instant;
import java.util.List;

import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PublicationView;

/**
 * A post as the API and its author's data export show it, with its publication once approved (status, time
 * published, permalink). {@code authorId}/{@code reviewerId} are null once that member was erased.
 */
public record PostView(String id, String campaignId, String channelId, String authorId, String caption,
        List<String> hashtags, MediaKind mediaKind, List<String> mediaUrls, List<String> collaborators,
        String status, String reviewerId, String reviewComment, Instant scheduledAt, Instant createdAt,
        Instant updatedAt, Publication publication) {

    /** Publishing's side of an approved post. */
    public record Publication(String status, Instant scheduledAt, Instant publishedAt, String permalink,
            String failureReason) {

        static Publication of(PublicationView view) {
            return view == null ? null : new Publication(view.status().name(), view.scheduledAt(),
                    view.publishedAt(), view.permalink(), view.failureReason());
        }
    }

    static PostView of(CampaignPost post, PublicationView publication) {
        PostRules.Content content = post.content();
        return new PostView(post.id(), post.campaignId(), post.channelId(), post.authorId(), content.caption(),
                content.hashtags(), content.mediaKind(), content.mediaUrls(), content.collaborators(),
                post.status().name(), post.reviewerId(), post.reviewComment(), post.scheduledAt(), post.createdAt(),
                post.updatedAt(), Publication.of(publication));
    }
}
