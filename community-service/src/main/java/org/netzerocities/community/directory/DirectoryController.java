package org.netzerocities.community.directory;

import java.util.Set;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/community/members")
@Tag(name = "Directory", description = "Members who chose to be listed, and their public profiles")
class DirectoryController {

    private static final Set<String> PARAMETERS = Set.of("city", "role", "topic", "language", "q", "page", "size",
            "sort");

    private final Directory directory;
    private final CityCatalog cities;

    DirectoryController(Directory directory, CityCatalog cities) {
        this.directory = directory;
        this.cities = cities;
    }

    @GetMapping
    @Operation(summary = "The member directory: members who opted in, with their public profile (never the email)",
            description = "Filters combine. `role` with `city`: a city-bound role (FRONTRUNNER, TRANSITION_TEAM) "
                    + "held in that city. `q`: words matched as prefixes of the display name's and bio's words, "
                    + "accent- and case-insensitive (\"zur\" finds \"Zürich\"); every word must match. "
                    + "`sort`: `name` (default) or `newest`. A city's transition team listing its city (or, "
                    + "without `city`, the city it is the team of) sees the city's frontrunners first, each "
                    + "with its `activity` (posts, events organised, certificates held); others never see "
                    + "`activity`. Unknown or repeated parameters are refused.")
    PageResponse<MemberCard> list(
            @Parameter(description = "a Cities Mission city id") @RequestParam(required = false) String city,
            @Parameter(description = "MEMBER, FRONTRUNNER, TRANSITION_TEAM or FACILITATOR")
            @RequestParam(required = false) String role,
            @Parameter(description = "an interest") @RequestParam(required = false) String topic,
            @Parameter(description = "an ISO 639-1 code") @RequestParam(required = false) String language,
            @Parameter(description = "free text, at most 100 characters") @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size,
            @Parameter(description = "name (default) or newest") @RequestParam(required = false) String sort,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters, Caller caller) {
        parameters.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                throw ApiProblem.invalid(name.length() > 50 ? name.substring(0, 50) : name, "is not a parameter of the directory");
            }
            if (values.size() > 1) {
                throw ApiProblem.invalid(name, "may be given once only");
            }
        });
        var filter = DirectoryFilter.of(city, role, topic, language, q, sort, cities::exists);
        return directory.list(filter, PageResponse.request(page, size, Sort.unsorted()), caller);
    }
}
