package org.netzerocities.community.group;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A group as members see it, with the caller's own standing in it. */
record GroupView(
        String id,
        GroupKind kind,
        String name,
        String description,
        GroupVisibility visibility,
        String city,
        String topic,
        String cohortId,
        List<String> moderatorIds,
        long memberCount,
        @Schema(description = "The caller's standing: NONE, PENDING (asked to join), MEMBER or DECLINED")
        String membership,
        @Schema(description = "Whether the caller moderates the group (its moderators, and admins)")
        boolean moderator,
        @Schema(description = "Whether members may join or ask to join (cohort groups follow the enrolments)")
        boolean joinable,
        Instant createdAt) {

    static final String NONE = "NONE";

    static GroupView of(Group group, long memberCount, Membership.Status status, boolean moderator) {
        String membership = status == null || status == Membership.Status.LEFT ? NONE : status.name();
        return new GroupView(group.id(), group.kind(), group.name(), group.description(), group.visibility(),
                group.city(), group.topic(), group.cohortId(), group.moderatorIds(), memberCount, membership,
                moderator, group.joinableOnRequest(), group.createdAt());
    }
}
