package org.netzerocities.learning.progress;

import java.util.List;
import java.util.UUID;

import org.netzerocities.learning.progress.ProgressViews.EnrollmentProgress;
import org.netzerocities.learning.progress.ProgressViews.SubmissionView;
import org.netzerocities.learning.progress.ProgressViews.UnitView;
import org.netzerocities.support.PageResponse;
import org.netzerocities.support.caller.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Progress", description = "Learners watch masterclasses and hand in homework; the cohort's facilitators "
        + "review it and follow their cohort on its dashboard")
class ProgressController {

    private final ProgressService progress;
    private final CohortDashboards dashboards;

    ProgressController(ProgressService progress, CohortDashboards dashboards) {
        this.progress = progress;
        this.dashboards = dashboards;
    }

    @PostMapping("/api/learning/enrollments/{id}/units/{unitId}/completion")
    @Operation(summary = "Mark the unit's masterclass watched (again: no change). The enrolment's learner, holding a "
            + "place (404 for someone else's enrolment or an unknown unit, 409 when waitlisted or withdrawn). The unit "
            + "is complete once its homework is accepted too, in either order.")
    UnitView markWatched(@PathVariable String id, @PathVariable String unitId, Caller caller) {
        return progress.markWatched(id, unitId, caller);
    }

    @PostMapping("/api/learning/enrollments/{id}/units/{unitId}/homework")
    @Operation(summary = "Hand in the unit's homework {text and/or link (https)} for review by the module's "
            + "facilitators; 201 with its submissionId. Resubmit once it is RETURNED; 409 while one awaits review, "
            + "after acceptance, or after " + Progress.MAX_ATTEMPTS + " submissions.")
    ResponseEntity<SubmissionView> submit(@PathVariable String id, @PathVariable String unitId,
            @Valid @RequestBody ProgressRequests.NewHomework body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(progress.submit(id, unitId,
                UUID.randomUUID().toString(), body.text(), body.link(), caller));
    }

    @PostMapping("/api/learning/homework/{id}/review")
    @Operation(summary = "Review a submission {decision: ACCEPTED or RETURNED, feedback (required when returned)}: "
            + "the cohort's facilitators only, never on their own homework (admins do not review). 409 when reviewed "
            + "already or the learner withdrew.")
    SubmissionView review(@PathVariable String id, @Valid @RequestBody ProgressRequests.Review body, Caller caller) {
        return progress.review(id, body.decision(), body.feedback(), caller);
    }

    @GetMapping("/api/learning/cohorts/{id}/homework")
    @Operation(summary = "The cohort's homework in a status (SUBMITTED by default: the review queue), oldest "
            + "submission first, with text and link: the cohort's facilitators and admins")
    PageResponse<SubmissionView> homework(@PathVariable String id,
            @RequestParam(defaultValue = "SUBMITTED") HomeworkStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        return progress.homeworkOf(id, status, PageResponse.request(page, size, Sort.unsorted()), caller);
    }

    @GetMapping("/api/learning/enrollments/me")
    @Operation(summary = "The caller's enrolments, newest first, each with its status, per-module percentages, the "
            + "units (watched, homework status and latest submission, completed) and, once issued, the certificate "
            + "with its verification code")
    List<EnrollmentProgress> mine(Caller caller) {
        return progress.enrollmentsOf(caller.memberId());
    }

    @GetMapping("/api/learning/cohorts/{id}/dashboard")
    @Operation(summary = "The cohort's dashboard: learners with progress and who is behind (modules completed "
            + "against those due by today, the cohort's dates shared evenly among the modules), homework waiting for "
            + "review, unanswered questions, and figures overall and per city (enrolled, waitlisted, withdrawn, "
            + "active in the last 14 days, modules completed, certified): the cohort's facilitators and admins")
    CohortDashboard dashboard(@PathVariable String id, Caller caller) {
        return dashboards.of(id, caller);
    }
}
