package org.netzerocities.support.caller;

/**
 * Roles that hold in one city only; they travel in the token's {@code grants} claim, never in
 * {@code roles}, so that a frontrunner of one city has no rights in another.
 */
public enum CityRole {
    FRONTRUNNER,
    TRANSITION_TEAM
}
