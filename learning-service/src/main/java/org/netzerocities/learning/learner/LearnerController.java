package org.netzerocities.learning.learner;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Learners", description = "Members as the capability-building programme knows them")
class LearnerController {

    private final LearnerRepository learners;

    LearnerController(LearnerRepository learners) {
        this.learners = learners;
    }

    @GetMapping("/api/learning/learners/me")
    @Operation(summary = "The calling member's learner record (404 until the programme has learnt of the member)")
    Learner me(Caller caller) {
        return learners.findById(caller.memberId())
                .orElseThrow(() -> ApiProblem.notFound("Learner " + caller.memberId()));
    }

    @GetMapping("/api/learning/me/export")
    @Operation(summary = "Everything the programme holds on the calling member, for their data export; "
            + "a section is null when nothing is held")
    LearningExport export(Caller caller) {
        return new LearningExport(caller.memberId(), learners.findById(caller.memberId()).orElse(null));
    }

    /** What learning-service holds on a member; the portal assembles it with the other services' exports. */
    record LearningExport(String memberId, Learner learner) {
    }
}
