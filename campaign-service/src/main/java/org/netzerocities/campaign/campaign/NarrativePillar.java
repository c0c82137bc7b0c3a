package org.netzerocities.campaign.campaign;

/** The three pillars of the NZCommunities narrative (Table 1): what we invite the audience to know, feel, do. */
public enum NarrativePillar {
    EXPANDING_KNOWLEDGE, EXPANDING_EMPATHY, EXPANDING_MOVEMENT
}
