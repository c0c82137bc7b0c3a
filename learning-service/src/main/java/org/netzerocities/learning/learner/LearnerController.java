package org.netzerocities.learning.learner;

import java.util.List;
import java.util.Map;

import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.privacy.PersonalData;
import org.netzerocities.support.privacy.PersonalDataExport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Learners", description = "Members as the capability-building programme knows them")
class LearnerController {

    private final LearnerRepository learners;
    private final List<PersonalData> sections;

    LearnerController(LearnerRepository learners, List<PersonalData> sections) {
        this.learners = learners;
        this.sections = sections;
    }

    @GetMapping("/api/learning/learners/me")
    @Operation(summary = "The calling member's learner record (404 until the programme has learnt of the member)")
    Learner me(Caller caller) {
        return learners.findById(caller.memberId())
                .orElseThrow(() -> ApiProblem.notFound("Learner " + caller.memberId()));
    }

    @GetMapping("/api/learning/me/export")
    @Operation(summary = "Everything the programme holds on the calling member, for their data export: the learner "
            + "record, enrolments with progress, homework, questions and certificates; a section is null or empty "
            + "when nothing is held")
    ResponseEntity<Map<String, Object>> export(Caller caller) {
        return PersonalDataExport.of(caller.memberId(), sections, "nzc-learning-export.json");
    }
}
