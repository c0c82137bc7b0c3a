package org.netzerocities.campaign.campaign;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * The sub-themes of each narrative pillar. Table 1 gives citizens and civil society one set and cities and local
 * authorities another (the cities' journey belongs to both), so a sub-theme fits a campaign only when one of the
 * campaign's audiences is among those it was written for.
 */
public enum SubTheme {
    CITIES_JOURNEY(NarrativePillar.EXPANDING_KNOWLEDGE, TargetAudience.values()),
    NZC_EXPERTISE(NarrativePillar.EXPANDING_KNOWLEDGE, Table.CITIZENS),
    NZC_CONTENT(NarrativePillar.EXPANDING_KNOWLEDGE, Table.CITIZENS),
    LOCAL_CHAMPIONS_CONTENT(NarrativePillar.EXPANDING_KNOWLEDGE, Table.CITIES),

    CONNECTED(NarrativePillar.EXPANDING_EMPATHY, Table.CITIZENS),
    EMPOWERED(NarrativePillar.EXPANDING_EMPATHY, Table.CITIZENS),
    INCLUDED(NarrativePillar.EXPANDING_EMPATHY, Table.CITIZENS),
    OPEN_AND_TRUST(NarrativePillar.EXPANDING_EMPATHY, Table.CITIES),
    INCLUSIVE(NarrativePillar.EXPANDING_EMPATHY, Table.CITIES),
    COURAGEOUS(NarrativePillar.EXPANDING_EMPATHY, Table.CITIES),
    SUPPORTED(NarrativePillar.EXPANDING_EMPATHY, Table.CITIES),

    TAKE_ACTION(NarrativePillar.EXPANDING_MOVEMENT, Table.CITIZENS),
    TAKE_OWNERSHIP(NarrativePillar.EXPANDING_MOVEMENT, Table.CITIZENS),
    MAKE_THE_FUTURE(NarrativePillar.EXPANDING_MOVEMENT, Table.CITIZENS),
    SHARE_THE_ACTION(NarrativePillar.EXPANDING_MOVEMENT, Table.CITIES),
    SHARE_THE_OWNERSHIP(NarrativePillar.EXPANDING_MOVEMENT, Table.CITIES),
    SHARE_THE_VISION(NarrativePillar.EXPANDING_MOVEMENT, Table.CITIES);

    private final NarrativePillar pillar;
    private final Set<TargetAudience> audiences;

    SubTheme(NarrativePillar pillar, TargetAudience... audiences) {
        this.pillar = pillar;
        this.audiences = Set.of(audiences);
    }

    public NarrativePillar pillar() {
        return pillar;
    }

    /** Whether the sub-theme was written for at least one of {@code audience}. */
    boolean speaksTo(Collection<TargetAudience> audience) {
        return audience.stream().anyMatch(audiences::contains);
    }

    /** The two audience columns of Table 1. */
    private static final class Table {
        static final TargetAudience[] CITIZENS = EnumSet.of(TargetAudience.CITIZENS, TargetAudience.CIVIL_SOCIETY)
                .toArray(TargetAudience[]::new);
        static final TargetAudience[] CITIES = { TargetAudience.CITIES };
    }
}
