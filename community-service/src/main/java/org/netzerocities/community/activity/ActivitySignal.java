package org.netzerocities.community.activity;

/**
 * What a member has done on the platform, as a city's transition team sees it next to its frontrunners.
 *
 * @param certificatesHeld programme certificates issued to the member and not revoked
 * @param certificateHeld  whether the member holds at least one: completed the capability-building programme
 */
public record ActivitySignal(long posts, long eventsOrganised, int certificatesHeld, boolean certificateHeld) {

    public static final ActivitySignal NONE = of(0, 0, 0);

    public static ActivitySignal of(long posts, long eventsOrganised, int certificatesHeld) {
        return new ActivitySignal(posts, eventsOrganised, certificatesHeld, certificatesHeld > 0);
    }
}
