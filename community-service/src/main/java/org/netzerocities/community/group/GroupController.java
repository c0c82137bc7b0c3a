package org.netzerocities.community.group;

import java.util.Locale;
import java.util.Set;

import org.netzerocities.community.city.CityCatalog;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/community/groups")
@Tag(name = "Groups", description = "Sub-groups of the community space: city and topic groups members create, "
        + "public or private, and the private peer groups of the programme's cohorts")
class GroupController {

    private static final Set<String> LIST_PARAMETERS = Set.of("city", "topic", "mine", "page", "size");

    private final Groups groups;
    private final MemberGroupAccess access;
    private final CityCatalog cities;

    GroupController(Groups groups, MemberGroupAccess access, CityCatalog cities) {
        this.groups = groups;
        this.access = access;
        this.cities = cities;
    }

    @PostMapping
    @Operation(summary = "Create a group (201): kind CITY (with a Cities Mission city) or TOPIC (with a topic, "
            + "optionally a city), name (max 80), description (max 2000), visibility PUBLIC or PRIVATE. The creator "
            + "is its first member and moderator.")
    ResponseEntity<GroupView> create(@Valid @RequestBody NewGroup body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(groups.create(body, caller));
    }

    @GetMapping
    @Operation(summary = "City and topic groups by name (?city=, ?topic=); private groups are listed so members "
            + "can ask to join, their boards stay closed. ?mine=true: the caller's own groups, cohort groups "
            + "included. Each with its member count and the caller's standing. Unknown or repeated parameters are "
            + "refused.")
    PageResponse<GroupView> list(@RequestParam(required = false) String city,
            @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "false") boolean mine, Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size,
            @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        // a misspelt or smuggled filter (city[$ne]=) would otherwise list everything silently
        parameters.forEach((name, values) -> {
            if (!LIST_PARAMETERS.contains(name) || values.size() > 1) {
                throw ApiProblem.invalid(name.length() > 50 ? name.substring(0, 50) : name,
                        "is not a parameter of the group listing, or is repeated");
            }
        });
        var pageable = PageResponse.request(page, size, Sort.by(Group.NAME).and(Sort.by("_id")));
        if (city != null && !cities.exists(city)) {
            throw ApiProblem.invalid("city", "is not a Cities Mission city id (see GET /api/community/cities)");
        }
        if (topic != null && (topic.isBlank() || topic.length() > 50 || !topic.matches(NewGroup.TOPIC))) {
            throw ApiProblem.invalid("topic", "must be 1 to 50 letters, digits, spaces or hyphens");
        }
        return groups.list(city, topic == null ? null : topic.strip().toLowerCase(Locale.ROOT), mine,
                caller, pageable);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A group with its member count and the caller's standing (NONE, PENDING, MEMBER, "
            + "DECLINED); 404 for an unknown group")
    GroupView details(@PathVariable String id, Caller caller) {
        return groups.details(id, caller);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Join: a public group at once (201, 200 when a member already); a private group "
            + "through a request its moderators answer (202 with status PENDING, again while pending; 200 when a "
            + "member already). 409 for a cohort group, which follows the cohort's enrolments.")
    ResponseEntity<MembershipView> join(@PathVariable String id, Caller caller) {
        Groups.Joined joined = groups.join(id, caller);
        HttpStatus status = !joined.membership().isMember() ? HttpStatus.ACCEPTED
                : joined.changed() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(MembershipView.of(joined.membership()));
    }

    @DeleteMapping("/{id}/members/me")
    @Operation(summary = "Leave the group, or take back a pending request (204, also when there was nothing to "
            + "leave). A moderator steps down as they leave; the last moderator cannot leave while other members "
            + "remain (409 last-moderator): they appoint another moderator first.")
    ResponseEntity<Void> leave(@PathVariable String id, Caller caller) {
        groups.leave(id, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    @Operation(summary = "The group's members, longest-standing first: anyone may list a public group's members, "
            + "only its members (and admins) a private group's (403)")
    PageResponse<GroupMemberView> members(@PathVariable String id, Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, Sort.unsorted());
        return groups.members(access.readableGroup(id, caller), pageable);
    }

    @PostMapping("/{id}/moderators")
    @Operation(summary = "Appoint a member of the group {memberId} as a moderator: the group's moderators or an "
            + "admin (403 otherwise); 409 when the member is not in the group, or for a cohort group, whose "
            + "moderators are the cohort's facilitators")
    GroupView addModerator(@PathVariable String id, @Valid @RequestBody NewModerator body, Caller caller) {
        return groups.addModerator(id, body.memberId(), caller);
    }

    @GetMapping("/{id}/join-requests")
    @Operation(summary = "Pending requests to join, oldest first: the group's moderators or an admin")
    PageResponse<GroupMemberView> joinRequests(@PathVariable String id, Caller caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        var pageable = PageResponse.request(page, size, Sort.unsorted());
        return groups.joinRequests(id, caller, pageable);
    }

    @PostMapping("/{id}/join-requests/{memberId}/answer")
    @Operation(summary = "Answer a request to join {answer: APPROVED or DECLINED}: the group's moderators or an "
            + "admin. APPROVED makes the member a member. The same answer again changes nothing; 404 when the "
            + "member has no request, 409 when it was answered the other way.")
    MembershipView answer(@PathVariable String id, @PathVariable String memberId,
            @Valid @RequestBody JoinAnswer body, Caller caller) {
        return MembershipView.of(groups.answer(id, memberId, body.answer(), caller));
    }
}
