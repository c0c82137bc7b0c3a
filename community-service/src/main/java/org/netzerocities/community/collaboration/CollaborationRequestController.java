package org.netzerocities.community.collaboration;

import java.net.URI;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.community.collaboration.CollaborationBodies.CollaborationAnswer;
import org.netzerocities.community.collaboration.CollaborationBodies.NewCollaborationMessage;
import org.netzerocities.community.collaboration.CollaborationBodies.NewCollaborationRequest;
import org.netzerocities.community.collaboration.CollaborationViews.CollaborationRequestSummary;
import org.netzerocities.community.collaboration.CollaborationViews.CollaborationRequestView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
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
@RequestMapping("/api/community/collaboration-requests")
@Tag(name = "Collaboration requests", description = "Members offer to collaborate with their city's transition "
        + "team; the team accepts, declines or asks for more, and both sides write in the request's thread")
class CollaborationRequestController {

    private final CollaborationRequests requests;
    private final CityCatalog cities;

    CollaborationRequestController(CollaborationRequests requests, CityCatalog cities) {
        this.requests = requests;
        this.cities = cities;
    }

    @PostMapping
    @Operation(summary = "Offer to collaborate with the transition team of the own city (the one in the profile): "
            + "topic, idea, contribution (VOLUNTEERING, EXPERTISE, ORGANISING_EVENTS, OUTREACH, PROJECT_PARTNERSHIP "
            + "or OTHER) and details; 201 with the request, OPEN")
    ResponseEntity<CollaborationRequestView> request(@Valid @RequestBody NewCollaborationRequest body,
            Caller caller) {
        CollaborationRequest request = requests.request(caller.memberId(), body);
        return ResponseEntity.created(URI.create("/api/community/collaboration-requests/" + request.id()))
                .body(CollaborationRequestView.of(request));
    }

    @GetMapping
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeamOf(authentication, #city)")
    @Operation(summary = "Requests of a city, newest activity first, without their threads (?status= OPEN, "
            + "MORE_INFO_REQUESTED, ACCEPTED or DECLINED): the city's transition team (which must name its city), or "
            + "an admin (every city when none is named). Members see their own at /mine")
    PageResponse<CollaborationRequestSummary> list(@RequestParam(required = false) String city,
            @RequestParam(required = false) CollaborationRequest.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, CollaborationRequests.ACTIVITY_ORDER);
        if (city != null && !cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        return requests.list(city, status, pageable);
    }

    @GetMapping("/mine")
    @Operation(summary = "The calling member's own requests, newest activity first (?status= as above)")
    PageResponse<CollaborationRequestSummary> mine(Caller caller,
            @RequestParam(required = false) CollaborationRequest.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return requests.mine(caller.memberId(), status,
                PageResponse.request(page, size, CollaborationRequests.ACTIVITY_ORDER));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request with its thread: the member who asked, the city's transition team, an admin; "
            + "404 for anyone else")
    CollaborationRequestView get(@PathVariable String id, Caller caller) {
        return CollaborationRequestView.of(requests.get(id, caller));
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Write in the request's thread (plain text, up to 2000 characters): the member who asked, "
            + "the city's transition team, an admin. The member's reply to MORE_INFO_REQUESTED opens the request "
            + "again. 201 with the request; 409 when it was declined, or its thread holds 200 messages")
    ResponseEntity<CollaborationRequestView> post(@PathVariable String id,
            @Valid @RequestBody NewCollaborationMessage body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(CollaborationRequestView.of(requests.post(id, body.text(), caller)));
    }

    @PostMapping("/{id}/answer")
    @Operation(summary = "Answer {answer: ACCEPTED, DECLINED or MORE_INFO, message?}: the transition team of the "
            + "request's city or an admin. MORE_INFO waits for the member's reply; ACCEPTED and DECLINED are final "
            + "(409 already-answered after them). The message goes into the thread")
    CollaborationRequestView answer(@PathVariable String id, @Valid @RequestBody CollaborationAnswer body,
            Caller caller) {
        return CollaborationRequestView.of(requests.answer(id, body, caller));
    }
}
