package org.netzerocities.community.group;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** A member's standing in a group, as joining, leaving and answering return it. */
record MembershipView(
        String groupId,
        String memberId,
        @Schema(description = "PENDING (a request the moderators answer), MEMBER, DECLINED or NONE")
        String status,
        @Schema(description = "When the status began")
        Instant since) {

    static MembershipView of(Membership membership) {
        String status = membership.status() == null || membership.status() == Membership.Status.LEFT
                ? GroupView.NONE : membership.status().name();
        return new MembershipView(membership.groupId(), membership.memberId(), status, membership.since());
    }
}
