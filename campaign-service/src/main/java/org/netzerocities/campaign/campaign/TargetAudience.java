package org.netzerocities.campaign.campaign;

/** Whom a campaign addresses, as the engagement plan's Table 1 groups its audiences. */
public enum TargetAudience {
    /** Citizens, local frontrunners and local champions. */
    CITIZENS,
    /** Civil society: community groups, NGOs, associations, foundations. */
    CIVIL_SOCIETY,
    /** Cities and local authorities: public officials and local-government staff. */
    CITIES
}
