package org.netzerocities.community.admin;

import java.time.Instant;
import java.util.List;

import org.netzerocities.community.member.Member;
import org.netzerocities.community.member.RoleGrant;

/**
 * A member as the admins see them: enough to find and act on an account, none of the profile.
 *
 * @param suspendedAt when the member was suspended, or {@code null}
 */
public record AdminMemberView(String id, String email, String displayName, String city, List<RoleGrant> roles,
        MemberStatus status, boolean emailVerified, Instant joinedAt, Instant suspendedAt) {

    static AdminMemberView of(Member member) {
        return new AdminMemberView(member.id(), member.email(), member.displayName(), member.city(),
                member.roles().stream().sorted(RoleGrant.ORDER).toList(),
                member.suspended() ? MemberStatus.SUSPENDED : MemberStatus.ACTIVE, member.emailVerified(),
                member.joinedAt(), member.suspendedAt());
    }
}
