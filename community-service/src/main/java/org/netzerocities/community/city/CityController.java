package org.netzerocities.community.city;

import org.netzerocities.support.PageResponse;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/community/cities")
@Tag(name = "Cities", description = "Cities Mission reference data")
class CityController {

    private final CityCatalog cities;

    CityController(CityCatalog cities) {
        this.cities = cities;
    }

    @GetMapping
    @Operation(summary = "The Cities Mission cities, optionally of one country (ISO 3166-1 alpha-2)")
    PageResponse<City> list(
            @RequestParam(required = false)
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, Sort.unsorted());
        var matching = cities.all().stream()
                .filter(city -> country == null || city.country().equalsIgnoreCase(country))
                .toList();
        return PageResponse.of(matching, pageable);
    }
}
