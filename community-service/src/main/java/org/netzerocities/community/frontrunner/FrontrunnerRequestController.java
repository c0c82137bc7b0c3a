package org.netzerocities.community.frontrunner;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/community/frontrunner-requests")
@Tag(name = "Frontrunner requests", description = "Members ask to become frontrunners of their city; the city's "
        + "transition team or an admin answers")
class FrontrunnerRequestController {

    private final FrontrunnerRequests requests;
    private final CityCatalog cities;

    FrontrunnerRequestController(FrontrunnerRequests requests, CityCatalog cities) {
        this.requests = requests;
        this.cities = cities;
    }

    @PostMapping
    @Operation(summary = "Ask to become a frontrunner of the own city (the one in the profile), with an optional "
            + "motivation of up to 1000 characters; 409 when already a frontrunner there or a request is pending")
    ResponseEntity<FrontrunnerRequestView> request(@Valid @RequestBody NewFrontrunnerRequest body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(FrontrunnerRequestView.of(requests.request(caller.memberId(), body.motivation())));
    }

    @GetMapping
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeamOf(authentication, #city)")
    @Operation(summary = "Requests of a city, oldest first (?status= PENDING, GRANTED or DECLINED): the city's "
            + "transition team (which must name its city), or an admin (every city when none is named)")
    PageResponse<FrontrunnerRequestView> list(@RequestParam(required = false) String city,
            @RequestParam(required = false) FrontrunnerRequest.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size,
                Sort.by(FrontrunnerRequest.REQUESTED_AT).and(Sort.by("_id")));
        if (city != null && !cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        return requests.list(city, status, pageable);
    }

    @GetMapping("/mine")
    @Operation(summary = "The calling member's own requests, newest first")
    PageResponse<FrontrunnerRequestView> mine(Caller caller, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size,
                Sort.by(Sort.Direction.DESC, FrontrunnerRequest.REQUESTED_AT).and(Sort.by("_id")));
        return requests.mine(caller.memberId(), pageable);
    }

    /** Only those who may answer some request learn whether a request id exists. */
    @PostMapping("/{id}/answer")
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeam(authentication)")
    @Operation(summary = "Answer a pending request {answer: GRANTED or DECLINED}: the transition team of the "
            + "request's city or an admin. GRANTED makes the member a frontrunner of that city (in their next "
            + "token). 409 when answered already, or when granting to a member who moved to another city meanwhile "
            + "(declining stays possible); after a failure half-way, answering again the same way completes it.")
    FrontrunnerRequestView answer(@PathVariable String id, @Valid @RequestBody FrontrunnerAnswer body,
            Caller caller) {
        return FrontrunnerRequestView.of(requests.answer(id, body.answer(), caller));
    }
}
