package org.netzerocities.community.directory;

import java.util.List;

import org.netzerocities.community.activity.ActivitySignal;
import org.netzerocities.community.member.RoleGrant;
import org.netzerocities.community.member.SocialHandles;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A member as the directory shows them to other members: their public profile only, never the email.
 *
 * @param activity the frontrunner's activity, shown to their city's transition team only; otherwise absent
 */
record MemberCard(String id, String displayName, String city, List<String> languages, List<String> interests,
        String bio, SocialHandles socialHandles, List<RoleGrant> roles,
        @JsonInclude(JsonInclude.Include.NON_NULL) ActivitySignal activity) {

    MemberCard withActivity(ActivitySignal signal) {
        return new MemberCard(id, displayName, city, languages, interests, bio, socialHandles, roles, signal);
    }
}
