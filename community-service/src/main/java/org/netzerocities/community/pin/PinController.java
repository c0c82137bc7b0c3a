package org.netzerocities.community.pin;

import java.net.URI;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/community/pins")
@Tag(name = "Shared board", description = "Members pin their own social-media content and resources; the city's "
        + "transition team features the pins of the city's frontrunners and transition team")
class PinController {

    private final Pins pins;
    private final CityCatalog cities;

    PinController(Pins pins, CityCatalog cities) {
        this.pins = pins;
        this.cities = cities;
    }

    @PostMapping
    @Operation(summary = "Pin own content or a resource to a city's board (the member's own city unless another "
            + "Cities Mission city is named): 201 with the pin; 400 for a URL that is not an absolute http(s) link "
            + "to a real host, carries credentials or exceeds 2000 characters, and for invalid tags")
    ResponseEntity<PinView> pin(@Valid @RequestBody NewPin body, Caller caller) {
        Pin pin = pins.pin(caller.memberId(), body);
        return ResponseEntity.created(URI.create("/api/community/pins/" + pin.id())).body(PinView.of(pin));
    }

    @GetMapping
    @Operation(summary = "The board, featured pins first, then newest: of one city (?city=) or all, of one tag "
            + "(?tag=, normalised like the pins' tags) or all")
    PageResponse<PinView> board(@RequestParam(required = false) String city,
            @RequestParam(required = false) String tag, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, Pins.BOARD_ORDER);
        if (city != null && !cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        return pins.board(city, tag == null ? null : Tags.tag(tag, "tag"), pageable);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One pin")
    PinView get(@PathVariable String id) {
        return PinView.of(pins.get(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a pin: the member who pinned it, or an admin; 204")
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        pins.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/featured")
    @Operation(summary = "Feature a pin on its city's board: the city's transition team or an admin. Only pins of "
            + "the city's frontrunners and transition-team members (their roles now) can be featured: 409 "
            + "not-featurable otherwise. Featuring a featured pin changes nothing")
    PinView feature(@PathVariable String id, Caller caller) {
        return PinView.of(pins.feature(id, true, caller));
    }

    @DeleteMapping("/{id}/featured")
    @Operation(summary = "End a pin's featuring: the city's transition team or an admin")
    PinView unfeature(@PathVariable String id, Caller caller) {
        return PinView.of(pins.feature(id, false, caller));
    }
}
