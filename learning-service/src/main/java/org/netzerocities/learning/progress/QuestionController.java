package org.netzerocities.learning.progress;

import java.util.List;

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
@Tag(name = "Questions", description = "A learner's light-touch Q&A with the cohort's facilitators: one thread per "
        + "learner and cohort, read by the learner and the facilitators")
class QuestionController {

    private final Questions questions;

    QuestionController(Questions questions) {
        this.questions = questions;
    }

    @PostMapping("/api/learning/enrollments/{id}/questions")
    @Operation(summary = "Ask the cohort's facilitators {text}: the enrolment's learner, unless withdrawn; 409 once "
            + "the thread holds " + QuestionThread.MAX_QUESTIONS + " questions")
    ResponseEntity<QuestionView> ask(@PathVariable String id, @Valid @RequestBody ProgressRequests.NewQuestion body,
            Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(questions.ask(id, body.text(), caller));
    }

    @GetMapping("/api/learning/enrollments/{id}/questions")
    @Operation(summary = "The learner's thread in the enrolment's cohort, oldest question first: the learner and "
            + "the cohort's facilitators")
    List<QuestionView> thread(@PathVariable String id, Caller caller) {
        return questions.thread(id, caller);
    }

    @PostMapping("/api/learning/enrollments/{id}/questions/{questionId}/answers")
    @Operation(summary = "Answer a question of the enrolment's thread {text}: the cohort's facilitators; 201 with "
            + "the question and its answers")
    ResponseEntity<QuestionView> answer(@PathVariable String id, @PathVariable String questionId,
            @Valid @RequestBody ProgressRequests.NewAnswer body, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(questions.answer(id, questionId, body.text(), caller));
    }

    @GetMapping("/api/learning/cohorts/{id}/questions")
    @Operation(summary = "The cohort's questions, oldest first: unanswered ones, or answered ones with "
            + "?answered=true; the cohort's facilitators")
    PageResponse<QuestionView> ofCohort(@PathVariable String id,
            @RequestParam(defaultValue = "false") boolean answered,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE) int size, Caller caller) {
        return questions.ofCohort(id, answered, PageResponse.request(page, size, Sort.unsorted()), caller);
    }
}
