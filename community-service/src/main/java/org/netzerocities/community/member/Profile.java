package org.netzerocities.community.member;

/**
 * What a member tells others about themselves.
 *
 * @param bio      a short introduction, or {@code null}
 * @param timeZone IANA zone the member chose, or {@code null} for their city's
 */
public record Profile(String displayName, String bio, SocialHandles socialHandles, String timeZone) {

    public Profile {
        socialHandles = socialHandles == null ? SocialHandles.NONE : socialHandles;
    }
}
