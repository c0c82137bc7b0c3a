package org.netzerocities.community.member;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A member's own profile as the API shows it. Never the password hash. */
public record MemberView(String id, String email, String displayName, String city, List<String> languages,
        List<String> interests, List<RoleGrant> roles, boolean directoryVisible, Instant joinedAt) {

    public static MemberView of(Member member) {
        return new MemberView(member.id(), member.email(), member.displayName(), member.city(), member.languages(),
                member.interests(),
                member.roles().stream().sorted(Comparator.comparing(RoleGrant::role)).toList(),
                member.directoryVisible(), member.joinedAt());
    }
}
