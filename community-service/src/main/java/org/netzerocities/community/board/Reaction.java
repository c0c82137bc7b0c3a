package org.netzerocities.community.board;

/** The fixed set of reactions to a post; a member gives each kind at most once per post. */
enum Reaction {
    LIKE, CELEBRATE, SUPPORT, INSIGHTFUL
}
