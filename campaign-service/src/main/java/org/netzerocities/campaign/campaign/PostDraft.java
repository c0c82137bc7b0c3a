package org.netzerocities.campaign.campaign;

import java.util.List;

import org.netzerocities.campaign.publishing.PublicUrls;
import org.netzerocities.campaign.publishing.Publications.MediaKind;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A post as the leadership team writes it; {@link PostRules} checks what spans fields (Instagram's limits on the
 * published caption, media count per kind, media reachable from the internet).
 *
 * @param hashtags      without or with the leading #, appended to the caption when published
 * @param collaborators Instagram usernames invited as co-authors; only on a collaboration campaign, which by
 *                      default invites its own collaborators
 */
record PostDraft(
        @NotNull @Size(max = PostRules.CAPTION_LIMIT) @Pattern(regexp = Text.LINES,
                message = Text.LINES_MESSAGE) String caption,
        @Size(max = PostRules.HASHTAG_LIMIT) List<@NotNull @Pattern(regexp = "#?[\\p{L}\\p{N}_]{1,100}",
                message = "must be one word of letters, digits and underscores") String> hashtags,
        @NotNull MediaKind mediaKind,
        @NotEmpty @Size(max = PostRules.MEDIA_LIMIT) List<@NotNull @Size(max = PublicUrls.MAX_LENGTH) String> mediaUrls,
        @Size(max = PostRules.COLLABORATOR_LIMIT) List<@NotNull @Pattern(regexp = Text.HANDLE,
                message = Text.HANDLE_MESSAGE) String> collaborators) {
}
