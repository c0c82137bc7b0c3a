package org.netzerocities.community.group;

import jakarta.validation.constraints.NotNull;

/** A moderator's answer to a request to join. */
record JoinAnswer(@NotNull Membership.Answer answer) {
}
