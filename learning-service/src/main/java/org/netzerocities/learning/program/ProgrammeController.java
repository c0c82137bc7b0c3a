package org.netzerocities.learning.program;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.netzerocities.learning.learner.Learner;
import org.netzerocities.learning.learner.LearnerRepository;
import org.netzerocities.learning.program.ProgrammeEdits.ModuleEdit;
import org.netzerocities.learning.program.ProgrammeEdits.ModuleTranslationEdit;
import org.netzerocities.learning.program.ProgrammeEdits.UnitEdit;
import org.netzerocities.learning.program.ProgrammeEdits.UnitTranslationEdit;
import org.netzerocities.learning.program.ProgrammeViews.ModuleView;
import org.netzerocities.learning.program.ProgrammeViews.ProgrammeView;
import org.netzerocities.learning.program.ProgrammeViews.UnitVersionView;
import org.netzerocities.learning.program.ProgrammeViews.UnitView;
import org.netzerocities.support.ApiProblem;
import org.netzerocities.support.caller.Caller;
import org.netzerocities.support.caller.CallerAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/learning/program")
@Tag(name = "Programme", description = "The capability-building programme's content: five modules in order, each "
        + "with units (a recorded masterclass and homework applying it to the learner's own city). Readable by "
        + "anyone, in English and in the translations held; edited by facilitators and admins. The structure "
        + "(modules, units, their order and ids) is the curriculum shipped with the service: the API edits "
        + "content and translations but neither adds nor retires units (a unit added to the shipped curriculum "
        + "appears at the next start; none is ever removed, so no learner's completed module is undone).")
class ProgrammeController {

    private static final String EDITORS = "hasAnyRole('FACILITATOR', 'ADMIN')";
    private static final String LANGUAGE_DOC = "ISO 639-1 code of the language wanted; without it the "
            + "Accept-Language header, else the signed-in learner's first language, else English. Each module and "
            + "unit says which language it is served in; missing translations fall back to English field by field";

    private final ProgrammeContent content;
    private final LearnerRepository learners;

    ProgrammeController(ProgrammeContent content, LearnerRepository learners) {
        this.content = content;
        this.learners = learners;
    }

    @GetMapping
    @Operation(summary = "The programme: modules in order, each with its units (masterclass and homework), in the "
            + "reader's language; anyone may read it")
    ResponseEntity<ProgrammeView> programme(@Parameter(description = LANGUAGE_DOC) @RequestParam(required = false)
            String language, @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        List<String> preferred = preferred(language, accept);
        Map<String, List<UnitView>> units = content.units().stream().map(unit -> ProgrammeViews.unit(unit, preferred))
                .collect(Collectors.groupingBy(UnitView::moduleId));
        List<ModuleView> modules = content.modules().stream().map(module -> ProgrammeViews.module(module,
                units.getOrDefault(module.moduleId(), List.of()), preferred)).toList();
        return localised().body(new ProgrammeView(preferred, modules));
    }

    @GetMapping("/modules/{moduleId}")
    @Operation(summary = "One module with its units, in the reader's language; ETag is the module's version "
            + "(If-Match for editing it)")
    ResponseEntity<ModuleView> module(@PathVariable String moduleId,
            @Parameter(description = LANGUAGE_DOC) @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        ModuleView module = moduleView(content.existingModule(moduleId), preferred(language, accept));
        return localised().eTag(Expected.etag(module.version())).body(module);
    }

    @GetMapping("/units/{unitId}")
    @Operation(summary = "One unit at its current version, in the reader's language; ETag is the unit's version "
            + "(If-Match for editing it)")
    ResponseEntity<UnitView> unit(@PathVariable String unitId,
            @Parameter(description = LANGUAGE_DOC) @RequestParam(required = false) String language,
            @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
        UnitView unit = ProgrammeViews.unit(content.existingUnit(unitId), preferred(language, accept));
        return localised().eTag(Expected.etag(unit.version())).body(unit);
    }

    @GetMapping("/units/{unitId}/versions")
    @Operation(summary = "The unit's English content at every version, newest (the current one) first")
    List<UnitVersionView> versions(@PathVariable String unitId) {
        return content.history(unitId);
    }

    @GetMapping("/units/{unitId}/versions/{version}")
    @Operation(summary = "The unit's English content at one version, e.g. the one a learner completed")
    UnitVersionView version(@PathVariable String unitId, @PathVariable int version) {
        return content.version(unitId, version);
    }

    @PutMapping("/units/{unitId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Replace a unit's English content (title, summary, masterclass, homework prompt): "
            + "facilitators and admins. The edit names the version it was made from (If-Match → 412 when stale, "
            + "or expectedVersion → 409; 428 without either). It becomes a new version (+1); previous versions "
            + "stay readable and learners who completed one keep it. An edit that changes nothing adds no version. "
            + "Translations made from an older version are then marked outdated.")
    ResponseEntity<UnitView> editUnit(@PathVariable String unitId, @RequestBody UnitEdit body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        UnitContent edit = body.valid();
        ProgrammeUnit unit = content.editUnit(unitId, Expected.of(ifMatch, body.expectedVersion()), edit,
                caller.memberId());
        return ResponseEntity.ok().eTag(Expected.etag(unit.version()))
                .body(ProgrammeViews.unit(unit, List.of(Languages.ENGLISH)));
    }

    @PutMapping("/modules/{moduleId}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Replace a module's English title and summary: facilitators and admins; versioned and "
            + "guarded like a unit edit (If-Match → 412, expectedVersion → 409, neither → 428)")
    ResponseEntity<ModuleView> editModule(@PathVariable String moduleId, @RequestBody ModuleEdit body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        ModuleEdit edit = body.valid();
        ProgrammeModule module = content.editModule(moduleId, Expected.of(ifMatch, body.expectedVersion()), edit,
                caller.memberId());
        return ResponseEntity.ok().eTag(Expected.etag(module.version()))
                .body(moduleView(module, List.of(Languages.ENGLISH)));
    }

    @PutMapping("/units/{unitId}/translations/{language}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add or replace a unit's translation into an ISO 639-1 language other than English: "
            + "facilitators and admins. Without a version it must be new (428 when one exists); replacing names "
            + "the translation's version (If-Match → 412, expectedVersion → 409). A translation does not change "
            + "the unit's version. Answers the unit in that language.")
    UnitView translateUnit(@PathVariable String unitId, @PathVariable String language,
            @RequestBody UnitTranslationEdit body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        String code = translationLanguage(language);
        UnitTranslationEdit edit = body.valid();
        ProgrammeUnit unit = content.translateUnit(unitId, code, Expected.of(ifMatch, body.expectedVersion()), edit,
                caller.memberId());
        return ProgrammeViews.unit(unit, List.of(code, Languages.ENGLISH));
    }

    @PutMapping("/modules/{moduleId}/translations/{language}")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add or replace a module's title and summary in an ISO 639-1 language other than "
            + "English: facilitators and admins; guarded like a unit's translation")
    ModuleView translateModule(@PathVariable String moduleId, @PathVariable String language,
            @RequestBody ModuleTranslationEdit body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        String code = translationLanguage(language);
        ModuleTranslationEdit edit = body.valid();
        ProgrammeModule module = content.translateModule(moduleId, code, Expected.of(ifMatch, body.expectedVersion()),
                edit, caller.memberId());
        return moduleView(module, List.of(code, Languages.ENGLISH));
    }

    private ModuleView moduleView(ProgrammeModule module, List<String> preferred) {
        return ProgrammeViews.module(module, content.unitsOf(module.moduleId()).stream()
                .map(unit -> ProgrammeViews.unit(unit, preferred)).toList(), preferred);
    }

    /** English is the content itself: it is edited, not translated. */
    private static String translationLanguage(String language) {
        String code = Languages.require("language", language);
        if (code.equals(Languages.ENGLISH)) {
            throw ApiProblem.invalid("language",
                    "English is the original: edit the unit or module itself");
        }
        return code;
    }

    /** The caller's preference; a signed-in learner's own languages count when the request states none. */
    private List<String> preferred(String language, String acceptLanguage) {
        return Languages.preferred(language, acceptLanguage, () -> CallerAuthentication
                .callerOf(SecurityContextHolder.getContext().getAuthentication())
                .map(Caller::memberId).flatMap(learners::findById).map(Learner::languages).orElse(List.of()));
    }

    /** Answers vary with the reader's language, which may come from the header or the token. */
    private static ResponseEntity.BodyBuilder localised() {
        return ResponseEntity.ok().varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.AUTHORIZATION);
    }
}
