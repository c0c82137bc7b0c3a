package org.netzerocities.community.member;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A member's own profile as the API shows it. Never the password hash.
 *
 * @param timeZone        the member's time zone (their city's unless they chose another)
 * @param profileComplete whether the profile counts as complete for onboarding
 * @param termsVersion    the version of the terms and privacy notice the member last accepted (null: none)
 * @param termsAcceptanceRequired whether a newer version is in force that the member is asked to accept
 * @param emailVerified   whether the member proved they own {@code email} (until then, only the verification
 *                        email reaches them)
 */
public record MemberView(String id, String email, String displayName, String bio, String city, List<String> languages,
        List<String> interests, SocialHandles socialHandles, String timeZone, boolean timeZoneFromCity,
        List<RoleGrant> roles, boolean directoryVisible, boolean profileComplete, String callCode,
        Instant joinedAt, Integer termsVersion, boolean termsAcceptanceRequired, boolean emailVerified) {

    static MemberView of(Member member, ZoneId cityZone, boolean termsAcceptanceRequired) {
        return new MemberView(member.id(), member.email(), member.displayName(), member.profile().bio(),
                member.city(), member.languages(), member.interests(), member.profile().socialHandles(),
                member.timeZone(cityZone), member.profile().timeZone() == null,
                member.roles().stream().sorted(RoleGrant.ORDER).toList(),
                member.directoryVisible(), member.profileComplete(), member.callCode(), member.joinedAt(),
                member.termsVersion(), termsAcceptanceRequired, member.emailVerified());
    }
}
