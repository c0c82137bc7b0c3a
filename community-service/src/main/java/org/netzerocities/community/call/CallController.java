package org.netzerocities.community.call;

import java.net.URI;

import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
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
@RequestMapping("/api/community/calls")
@Tag(name = "Calls to join", description = "A city's local calls to join and the members who joined through them")
class CallController {

    private final CallService calls;

    CallController(CallService calls) {
        this.calls = calls;
    }

    /** Whether the city is theirs is decided with the request's city (or its default), in the service. */
    @PostMapping
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeam(authentication)")
    @Operation(summary = "Launch a call to join for a city (its transition team, or an admin); answers with its code")
    ResponseEntity<CallView> launch(@Valid @RequestBody CallRequest request, Caller caller) {
        CallToJoin call = calls.launch(request, caller);
        return ResponseEntity.created(URI.create("/api/community/calls/" + call.code())).body(calls.view(call));
    }

    @GetMapping("/{code}")
    @Operation(summary = "A call to join by its code (any case), with the number of members who joined through it; "
            + "public")
    CallView get(@PathVariable String code) {
        return calls.view(code);
    }

    @GetMapping
    @PreAuthorize("@policies.isAdmin(authentication) or @policies.isTransitionTeamOf(authentication, #city)")
    @Operation(summary = "A city's calls to join, newest first (its transition team, or an admin)")
    PageResponse<CallView> list(@RequestParam String city, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, Sort.by(Sort.Direction.DESC, "launchedAt"));
        return PageResponse.of(calls.of(city, pageable), calls::view);
    }
}
