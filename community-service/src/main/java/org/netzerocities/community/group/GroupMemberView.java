package org.netzerocities.community.group;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/** One entry of a group's members list or of its pending join requests. */
record GroupMemberView(
        String memberId,
        @Schema(description = "Null when the member's account is gone")
        String displayName,
        boolean moderator,
        @Schema(description = "When they joined, or asked to join")
        Instant since) {
}
