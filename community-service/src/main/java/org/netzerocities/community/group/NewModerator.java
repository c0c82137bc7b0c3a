package org.netzerocities.community.group;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The member a moderator appoints as a fellow moderator; they must be in the group. */
record NewModerator(@NotBlank @Size(max = 100) String memberId) {
}
