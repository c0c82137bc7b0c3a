package org.netzerocities.community.member;

/** Public links a member shares, each an http(s) URL checked by {@link ProfilePatch}; {@code null} when unset. */
public record SocialHandles(String instagram, String linkedin, String website) {

    static final SocialHandles NONE = new SocialHandles(null, null, null);
}
