package org.netzerocities.campaign.publishing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.netzerocities.campaign.publishing.Publications.MediaKind;
import org.netzerocities.campaign.publishing.Publications.PostToPublish;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.ApiProblem.FieldError;

/**
 * What Instagram accepts, checked before a post is queued so that it fails here (4xx) rather than hours later at
 * the Graph API: media at public https URLs (Instagram fetches them itself), one for an image or video and 2 to
 * 10 for a carousel, a caption of at most 2,200 characters and at most three collaborators.
 */
final class PostRules {

    static final int MAX_CAPTION = 2200;
    static final int MAX_COLLABORATORS = 3;
    static final int MAX_CAROUSEL = 10;
    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final List<String> VIDEO_SUFFIXES = List.of(".mp4", ".mov");

    private PostRules() {
    }

    static void check(PostToPublish post) {
        List<FieldError> errors = new ArrayList<>();
        if (post.postId() == null || post.postId().isBlank()) {
            errors.add(new FieldError("postId", "required"));
        }
        if (post.campaignId() == null || post.campaignId().isBlank()) {
            errors.add(new FieldError("campaignId", "required"));
        }
        if (post.channelId() == null || post.channelId().isBlank()) {
            errors.add(new FieldError("channelId", "required"));
        }
        if (post.scheduledAt() == null) {
            errors.add(new FieldError("scheduledAt", "required"));
        }
        if (post.caption() != null && post.caption().length() > MAX_CAPTION) {
            errors.add(new FieldError("caption", "at most " + MAX_CAPTION + " characters"));
        }
        checkMedia(post, errors);
        List<String> collaborators = post.collaborators() == null ? List.of() : post.collaborators();
        if (collaborators.size() > MAX_COLLABORATORS) {
            errors.add(new FieldError("collaborators", "at most " + MAX_COLLABORATORS));
        }
        if (collaborators.stream().anyMatch(handle -> handle == null || !HANDLE.matcher(handle).matches())) {
            errors.add(new FieldError("collaborators", "Instagram usernames (letters, digits, '.', '_')"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private static void checkMedia(PostToPublish post, List<FieldError> errors) {
        List<String> urls = post.mediaUrls() == null ? List.of() : post.mediaUrls();
        if (post.mediaKind() == null) {
            errors.add(new FieldError("mediaKind", "IMAGE, VIDEO or CAROUSEL"));
        }
        else if (post.mediaKind() == MediaKind.CAROUSEL ? urls.size() < 2 || urls.size() > MAX_CAROUSEL
                : urls.size() != 1) {
            errors.add(new FieldError("mediaUrls", post.mediaKind() == MediaKind.CAROUSEL
                    ? "2 to " + MAX_CAROUSEL + " media for a carousel" : "exactly one medium"));
        }
        if (urls.stream().anyMatch(url -> PublicUrls.problem(url) != null)) {
            errors.add(new FieldError("mediaUrls", "absolute https URLs Instagram can fetch"));
        }
    }

    /** Whether a carousel item is a video, which Instagram needs told: by the file's extension. */
    static boolean isVideo(String url) {
        String path = URI.create(url).getPath().toLowerCase(Locale.ROOT);
        return VIDEO_SUFFIXES.stream().anyMatch(path::endsWith);
    }
}
