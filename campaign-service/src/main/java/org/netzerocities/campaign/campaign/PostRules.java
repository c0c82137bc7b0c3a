package org.netzerocities.campaign.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.netzerocities.campaign.publishing.PublicUrls;
import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.ApiProblem.FieldError;

/**
 * Instagram's limits on what a post may be, checked before a post is saved so nothing the Graph API would refuse
 * reaches the steering committee: a caption of at most 2,200 characters hashtags included, at most 30 hashtags,
 * one image or video or a carousel of 2 to 10 items, each at a publicly reachable https URL, and up to three
 * collaborators on collaboration campaigns only.
 */
final class PostRules {

    static final int CAPTION_LIMIT = 2200;
    static final int HASHTAG_LIMIT = 30;
    static final int MEDIA_LIMIT = 10;
    static final int COLLABORATOR_LIMIT = 3;

    private PostRules() {
    }

    /** The post as it will be published: hashtags without their #, caption stripped. */
    record Content(String caption, List<String> hashtags, MediaKind mediaKind, List<String> mediaUrls,
            List<String> collaborators) {

        /** The caption Instagram gets: the text, then the hashtags. */
        String publishedCaption() {
            return hashtags.isEmpty() ? caption
                    : caption + "\n\n" + hashtags.stream().map(tag -> "#" + tag).collect(Collectors.joining(" "));
        }
    }

    /**
     * The draft's content ready to store on a campaign of kind {@code campaign}.
     *
     * @throws ApiProblem 400 naming every field at fault
     */
    static Content check(PostDraft draft, CampaignKind campaign, List<String> campaignCollaborators) {
        List<FieldError> errors = new ArrayList<>();
        List<String> hashtags = draft.hashtags() == null ? List.of()
                : draft.hashtags().stream().map(tag -> tag.startsWith("#") ? tag.substring(1) : tag).toList();
        if (hashtags.stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().count() != hashtags.size()) {
            errors.add(new FieldError("hashtags", "must not repeat a hashtag"));
        }
        int urls = draft.mediaUrls().size();
        if (draft.mediaKind() == MediaKind.CAROUSEL ? urls < 2 : urls != 1) {
            errors.add(new FieldError("mediaUrls", draft.mediaKind() == MediaKind.CAROUSEL
                    ? "a carousel needs 2 to " + MEDIA_LIMIT + " media" : "an " + draft.mediaKind()
                            + " post needs exactly one media URL"));
        }
        for (int i = 0; i < urls; i++) {
            String problem = PublicUrls.problem(draft.mediaUrls().get(i));
            if (problem != null) {
                errors.add(new FieldError("mediaUrls[" + i + "]", problem));
            }
        }
        List<String> collaborators = draft.collaborators();
        if (campaign != CampaignKind.COLLABORATION_POST) {
            if (collaborators != null && !collaborators.isEmpty()) {
                errors.add(new FieldError("collaborators", "are for collaboration campaigns only"));
            }
            collaborators = List.of();
        }
        else if (collaborators == null || collaborators.isEmpty()) {
            collaborators = campaignCollaborators;
        }
        Content content = new Content(draft.caption().strip(), hashtags, draft.mediaKind(),
                List.copyOf(draft.mediaUrls()), List.copyOf(collaborators));
        if (content.caption().isEmpty() && hashtags.isEmpty()) {
            errors.add(new FieldError("caption", "must not be blank"));
        }
        if (content.publishedCaption().length() > CAPTION_LIMIT) {
            errors.add(new FieldError("caption", "with its hashtags must be at most " + CAPTION_LIMIT
                    + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return content;
    }
}
