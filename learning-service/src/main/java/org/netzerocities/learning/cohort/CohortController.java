package org.netzerocities.learning.cohort;

import java.net.URI;

import org.netzerocities.learning.cohort.Cohorts.CohortStatus;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Cohorts", description = "Cycles of the programme: facilitators plan and publish them, members enrol "
        + "and wait for a place when one is full")
class CohortController {

    private final CohortService cohorts;
    private final EnrollmentService enrollments;

    CohortController(CohortService cohorts, EnrollmentService enrollments) {
        this.cohorts = cohorts;
        this.enrollments = enrollments;
    }

    @PostMapping("/api/learning/cohorts")
    @Operation(summary = "Draft a cohort (201, Location): facilitators and admins. name; language (ISO 639-1); "
            + "startsOn after today and within 730 days, endsOn 7 to 730 days later (UTC dates); capacity 1..500; "
            + "leadFacilitatorId (default: the caller) and optional moduleFacilitatorIds {moduleId: memberId}, all "
            + "members the programme knows; either four sessions {moduleId?, startsAt, durationMinutes 15..480, "
            + "link (https)} within the cohort's dates, or a discussionLink (https) for the default schedule: the "
            + "cohort's days split evenly over the five modules, a session on the last day of each module but the "
            + "last, 15:00 UTC, 90 minutes. A draft is seen by its facilitators and admins only, and announced "
            + "when published")
    ResponseEntity<CohortOverview> create(@Valid @RequestBody NewCohort body, Caller caller) {
        Cohort cohort = cohorts.create(body, caller);
        return ResponseEntity.created(URI.create("/api/learning/cohorts/" + cohort.id()))
                .body(CohortOverview.of(cohort));
    }

    @GetMapping("/api/learning/cohorts")
    @Operation(summary = "Published cohorts, soonest first, with places left and waitlist length; facilitators also "
            + "see the drafts they facilitate, admins every draft. ?status= DRAFT or PUBLISHED")
    PageResponse<CohortOverview> list(Caller caller, @RequestParam(required = false) CohortStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size) {
        return cohorts.list(caller, status, PageResponse.request(page, size, Sort.unsorted()));
    }

    @GetMapping("/api/learning/cohorts/{id}")
    @Operation(summary = "One cohort; a draft only for its facilitators and admins (404 for others)")
    CohortOverview get(@PathVariable String id, Caller caller) {
        return CohortOverview.of(cohorts.get(id, caller));
    }

    @PatchMapping("/api/learning/cohorts/{id}")
    @Operation(summary = "Change a cohort until the day it starts (its facilitators or an admin): the fields sent "
            + "replace the current ones, under the rules of creation; moduleFacilitatorIds replaces the whole map; "
            + "sessions are the four sessions in their current order, each keeping its id. Once published, learners "
            + "are told: CohortUpdated when the cohort itself changed, DiscussionSessionScheduled (RESCHEDULED) per "
            + "session moved. A larger capacity promotes the waitlist in order. 409 cohort-started from startsOn on, "
            + "409 capacity-below-places")
    CohortOverview update(@PathVariable String id, @Valid @RequestBody CohortPatch patch, Caller caller) {
        return CohortOverview.of(cohorts.update(id, patch, caller));
    }

    @PostMapping("/api/learning/cohorts/{id}/publication")
    @Operation(summary = "Publish a draft (its facilitators or an admin): it opens for enrolment and is announced "
            + "with CohortStarted (the community space creates its peer group) and a DiscussionSessionScheduled per "
            + "session. 409 published-already, 409 cohort-started")
    CohortOverview publish(@PathVariable String id, Caller caller) {
        return CohortOverview.of(cohorts.publish(id, caller));
    }

    @PostMapping("/api/learning/cohorts/{id}/enrollments")
    @Operation(summary = "Enrol: 201 with status ENROLLED (a place) or WAITLISTED (the cohort is full; with the "
            + "place in line). One enrolment per member and cohort: enrolling again answers 200 with the enrolment "
            + "one has, or 409 withdrawn after a withdrawal (enrol in a later cohort). 409 learner-unknown until the "
            + "programme has learnt of the member (moments after joining), 409 cohort-not-open for a draft, "
            + "cohort-ended once over, waitlist-full (1000 waiting)")
    ResponseEntity<EnrollmentOverview> enrol(@PathVariable String id, Caller caller) {
        EnrollmentService.Enrolled enrolled = enrollments.enrol(id, caller);
        return ResponseEntity.status(enrolled.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(enrolled.enrollment());
    }

    @DeleteMapping("/api/learning/enrollments/{id}")
    @Operation(summary = "Withdraw one's own enrolment (204; again: 204, nothing changes); a place left goes to the "
            + "first on the waitlist. 404 for another member's enrolment, 409 once the cohort is over")
    ResponseEntity<Void> withdraw(@PathVariable String id, Caller caller) {
        enrollments.withdraw(id, caller);
        return ResponseEntity.noContent().build();
    }
}
