package org.netzerocities.community.cityview;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.netzerocities.community.activity.ActivitySignal;

/**
 * The city view of a city's transition team.
 *
 * @param members       members living in the city
 * @param membersByRole per role: global roles of the city's members, city-bound roles held in this city
 * @param joinsPerWeek  members who joined in each of the last {@value CityDashboards#WEEKS} ISO weeks, oldest first
 * @param funnel        {@code null} while the service has no onboarding funnel to show
 * @param frontrunners  the city's frontrunners by name, at most {@value CityDashboards#MAX_FRONTRUNNERS}
 */
record CityDashboard(CityRef city, long members, Map<String, Long> membersByRole, List<TopicCount> membersByTopic,
        List<CallJoins> joinsPerCall, List<WeekJoins> joinsPerWeek, FunnelSource.Funnel funnel,
        List<Frontrunner> frontrunners) {

    record CityRef(String id, String name) {
    }

    record TopicCount(String topic, long members) {
    }

    /** @param title {@code null} when the call is not known (any more) */
    record CallJoins(String code, String title, Instant closesAt, Boolean open, long joins) {
    }

    /** @param week ISO week, e.g. {@code 2026-W48} */
    record WeekJoins(String week, long joins) {
    }

    record Frontrunner(String id, String displayName, ActivitySignal activity) {
    }
}
