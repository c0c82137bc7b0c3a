package org.netzerocities.community.cityview;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "City view", description = "What a city's transition team follows")
class CityDashboardController {

    private final CityDashboards dashboards;
    private final CityCatalog cities;

    CityDashboardController(CityDashboards dashboards, CityCatalog cities) {
        this.dashboards = dashboards;
        this.cities = cities;
    }

    /** Only those who may see a city's view learn whether a city id exists: others get 403 either way. */
    @GetMapping("/api/community/cities/{id}/dashboard")
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeamOf(authentication, #id)")
    @Operation(summary = "A city's view, for its transition team and admins",
            description = "Members by role (global roles of the city's members, city-bound roles held in the "
                    + "city) and by topic (the " + CityDashboards.MAX_TOPICS + " most common interests); joins per "
                    + "local call to join (members who registered with its code) and per ISO week for the last "
                    + CityDashboards.WEEKS + " weeks, oldest first, in the city's time zone; the onboarding funnel "
                    + "(joined, onboarded, activated; null while not available); the city's frontrunners by name "
                    + "(at most " + CityDashboards.MAX_FRONTRUNNERS + ") with their activity. 404 for an unknown city.")
    CityDashboard dashboard(@PathVariable String id) {
        return dashboards.of(cities.find(id).orElseThrow(() -> ApiProblem.notFound("This city")));
    }
}
