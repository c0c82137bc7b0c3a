package org.netzerocities.support.caller;

/** Roles that hold on the whole platform; they travel in the token's {@code roles} claim. */
public enum GlobalRole {
    MEMBER,
    FACILITATOR,
    ADMIN
}
