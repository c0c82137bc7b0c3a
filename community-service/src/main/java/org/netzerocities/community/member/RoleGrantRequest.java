package org.netzerocities.community.member;

import jakarta.validation.constraints.NotNull;

/** A role to grant; {@code city} is for city-bound roles and defaults to the member's city. */
public record RoleGrantRequest(@NotNull Role role, String city) {
}
