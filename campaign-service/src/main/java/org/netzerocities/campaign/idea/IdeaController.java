package org.netzerocities.campaign.idea;

import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/campaigns/ideas")
@Tag(name = "Content ideas", description = "Events to promote, calls to join, members' content to repost and "
        + "impact stories, offered to the channels' teams from the platform's events")
class IdeaController {

    private final ContentIdeas ideas;

    IdeaController(ContentIdeas ideas) {
        this.ideas = ideas;
    }

    @GetMapping
    @Operation(summary = "Ideas for the channels of a city (without city: the main channel's), newest first, "
            + "?kind= EVENT, CALL_TO_JOIN, MEMBER_CONTENT or IMPACT_STORY, ?status= OPEN (default), USED or "
            + "DISMISSED: the leadership team or steering committee of a channel of that city or of the main "
            + "channel, or an admin")
    PageResponse<ContentIdea> list(
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}",
                    message = "must be a city id such as malmo") String city,
            @RequestParam(required = false) ContentIdea.Kind kind,
            @RequestParam(defaultValue = "OPEN") ContentIdea.Status status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        return ideas.list(city, kind, status, caller, PageResponse.request(page, size,
                Sort.by(Sort.Direction.DESC, ContentIdea.CREATED_AT).and(Sort.by("_id"))));
    }

    @PostMapping("/{id}/dismissal")
    @Operation(summary = "Close an open idea {outcome: USED or DISMISSED}, once (409 when closed already): the "
            + "teams who may read it, or an admin")
    ContentIdea close(@PathVariable @Size(max = 200) String id, @Valid @RequestBody Dismissal body, Caller caller) {
        return ideas.close(id, body.outcome(), caller);
    }

    record Dismissal(@NotNull ContentIdea.Outcome outcome) {
    }
}
