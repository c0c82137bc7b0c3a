package org.netzerocities.community.cityview;

/**
 * A city's onboarding funnel, from the onboarding feature. Without such a bean the city view shows no funnel.
 */
public interface FunnelSource {

    Funnel of(String city);

    /**
     * @param joined    members of the city
     * @param onboarded of those, members who completed onboarding (profile complete, manifesto accepted)
     * @param activated of those, members who went on to take part
     */
    record Funnel(long joined, long onboarded, long activated) {
    }
}
