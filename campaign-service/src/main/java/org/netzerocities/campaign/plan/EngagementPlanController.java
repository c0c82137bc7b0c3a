package org.netzerocities.campaign.plan;

import java.net.URI;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CityRole;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "Engagement plans", description = "Frontrunners' own plans to spread awareness of the Cities Mission in "
        + "their community, shared with their city's transition team")
class EngagementPlanController {

    private static final String CITY_ID = "[a-z0-9-]{1,64}";

    private final EngagementPlans plans;

    EngagementPlanController(EngagementPlans plans) {
        this.plans = plans;
    }

    @PostMapping("/engagement-plans")
    @Operation(summary = "Write a new engagement plan: a frontrunner of their city (the one in their profile). Title "
            + "(up to 200 characters) required; goals and audience up to 2,000 characters; up to 20 channels (their "
            + "own social accounts and venues) and 20 https links to NZC content; up to 50 actions {title, dueOn} "
            + "dated from 2021 to five years ahead, each PLANNED to begin with. 409 without a known city or with 20 "
            + "plans already")
    ResponseEntity<EngagementPlanView> create(@Valid @RequestBody PlanRequest body, Caller caller) {
        EngagementPlan plan = plans.create(caller, body);
        return ResponseEntity.created(URI.create("/api/campaigns/engagement-plans/" + plan.id()))
                .body(plans.view(plan));
    }

    @GetMapping("/engagement-plans/mine")
    @Operation(summary = "The caller's own engagement plans, newest first")
    PageResponse<EngagementPlanView> mine(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return plans.mine(caller, PageResponse.request(page, size,
                Sort.by(Sort.Direction.DESC, EngagementPlan.CREATED_AT).and(Sort.by("_id"))));
    }

    @GetMapping("/engagement-plans/{id}")
    @Operation(summary = "One of the caller's own plans (404 for anyone else's)")
    EngagementPlanView get(@PathVariable String id, Caller caller) {
        return plans.view(plans.own(id, caller));
    }

    @PutMapping("/engagement-plans/{id}")
    @Operation(summary = "Replace the caller's own plan, sending the revision it was read at (409 when it changed "
            + "since). Actions sent with their id keep their status and progress notes, new ones come without an "
            + "id, those left out are removed")
    EngagementPlanView revise(@PathVariable String id, @Valid @RequestBody PlanRequest body, Caller caller) {
        return plans.view(plans.revise(id, body, caller));
    }

    @PatchMapping("/engagement-plans/{id}/actions/{actionId}")
    @Operation(summary = "Progress on an action of the caller's own plan: a status (PLANNED, IN_PROGRESS, DONE, "
            + "DROPPED), a note of up to 2,000 characters, or both. A DONE or DROPPED action only reopens as "
            + "IN_PROGRESS (409 otherwise); an action keeps up to 20 notes")
    EngagementPlanView progress(@PathVariable String id, @PathVariable String actionId,
            @Valid @RequestBody ActionUpdate body, Caller caller) {
        return plans.view(plans.progress(id, actionId, body, caller));
    }

    @PostMapping("/engagement-plans/{id}/sharing")
    @Operation(summary = "Share the caller's own plan with the transition team of their city (they must still be a "
            + "frontrunner there), announced with EngagementPlanShared. The team then reads the plan as it stands, "
            + "progress included; sharing again with the same city changes nothing")
    EngagementPlanView share(@PathVariable String id, Caller caller) {
        return plans.view(plans.share(id, caller));
    }

    @GetMapping("/cities/{city}/engagement-plans")
    @Operation(summary = "The plans shared with a city's transition team, most recently shared first: that city's "
            + "transition team, or an admin")
    PageResponse<EngagementPlanView> sharedWith(
            @PathVariable @Pattern(regexp = CITY_ID, message = "must be a city id such as malmo") String city,
            Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        if (!caller.isAdmin() && !caller.holds(CityRole.TRANSITION_TEAM, city)) {
            throw ApiProblem.forbidden("Only the transition team of " + city + " or an admin reads its plans");
        }
        return plans.sharedWith(city, PageResponse.request(page, size,
                Sort.by(Sort.Direction.DESC, EngagementPlan.SHARED_AT).and(Sort.by("_id"))));
    }
}
