package org.netzerocities.learning.program;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.netzerocities.learning.program.ProgrammeUnit.UnitTranslation;
import org.netzerocities.learning.program.ProgrammeViews.UnitVersionView;
import org.netzerocities.support.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Reads and edits the programme's content. Every edit is a conditional update on the version the editor read, so
 * of two editors of the same version one wins and the other is told to read again, on any number of instances. A
 * unit's content is archived under its version before an edit replaces it; the archive write is idempotent (the
 * same version always holds the same content), so an edit that failed half-way leaves nothing wrong behind.
 */
@Service
class ProgrammeContent {

    private static final Logger log = LoggerFactory.getLogger(ProgrammeContent.class);
    private static final String ID = "_id";
    private static final String VERSION = "version";
    private static final String EDITED_BY = "editedBy";
    private static final String TRANSLATIONS = "translations";

    private final MongoTemplate mongo;

    ProgrammeContent(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    List<ProgrammeModule> modules() {
        return mongo.find(new Query().with(Sort.by("position")), ProgrammeModule.class);
    }

    /** Every unit, by module and then in module order. */
    List<ProgrammeUnit> units() {
        return mongo.find(new Query().with(Sort.by("moduleId", "position")), ProgrammeUnit.class);
    }

    List<ProgrammeUnit> unitsOf(String moduleId) {
        return mongo.find(query(where("moduleId").is(moduleId)).with(Sort.by("position")), ProgrammeUnit.class);
    }

    Optional<ProgrammeUnit> unit(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, ProgrammeUnit.class));
    }

    ProgrammeUnit existingUnit(String unitId) {
        return unit(unitId).orElseThrow(() -> ApiProblem.notFound("Unit " + unitId));
    }

    ProgrammeModule existingModule(String moduleId) {
        return Optional.ofNullable(mongo.findById(moduleId, ProgrammeModule.class))
                .orElseThrow(() -> ApiProblem.notFound("Module " + moduleId));
    }

    /** The unit's versions, newest (the current one) first. */
    List<UnitVersionView> history(String unitId) {
        ProgrammeUnit unit = existingUnit(unitId);
        List<UnitVersionView> versions = new ArrayList<>();
        versions.add(UnitVersionView.current(unit));
        // an archive of the current version is left by an edit that lost its race or stopped half-way
        mongo.find(query(where("unitId").is(unitId).and(VERSION).lt(unit.version()))
                .with(Sort.by(Sort.Direction.DESC, VERSION)), UnitVersion.class).stream()
                .map(UnitVersionView::past).forEach(versions::add);
        return versions;
    }

    UnitVersionView version(String unitId, int version) {
        ProgrammeUnit unit = existingUnit(unitId);
        if (version == unit.version()) {
            return UnitVersionView.current(unit);
        }
        UnitVersion past = version < unit.version()
                ? mongo.findById(UnitVersion.idOf(unitId, version), UnitVersion.class) : null;
        if (past == null) {
            throw ApiProblem.notFound("Version " + version + " of unit " + unitId);
        }
        return UnitVersionView.past(past);
    }

    /** Replaces the unit's English content: a new version, unless nothing changed. */
    ProgrammeUnit editUnit(String unitId, Expected expected, UnitContent content, String editor) {
        ProgrammeUnit unit = existingUnit(unitId);
        String what = "Unit " + unitId;
        check(expected, what, unit.version());
        if (unit.content().equals(content)) {
            return unit;
        }
        archive(unit);
        int version = unit.version() + 1;
        setIfAt(ProgrammeUnit.class, unitId, unit.version(), expected, what, new Update().set("content", content)
                .set(VERSION, version).set("editedAt", Instant.now()).set(EDITED_BY, editor));
        log.info("Programme unit {} edited to version {} by member {}", unitId, version, editor);
        return existingUnit(unitId);
    }

    ProgrammeModule editModule(String moduleId, Expected expected, ProgrammeEdits.ModuleEdit edit, String editor) {
        ProgrammeModule module = existingModule(moduleId);
        String what = "Module " + moduleId;
        check(expected, what, module.version());
        if (module.title().equals(edit.title()) && module.summary().equals(edit.summary())) {
            return module;
        }
        int version = module.version() + 1;
        setIfAt(ProgrammeModule.class, moduleId, module.version(), expected, what, new Update()
                .set("title", edit.title()).set("summary", edit.summary()).set(VERSION, version)
                .set("editedAt", Instant.now()).set(EDITED_BY, editor));
        log.info("Programme module {} edited to version {} by member {}", moduleId, version, editor);
        return existingModule(moduleId);
    }

    /** Adds (no expected version) or replaces (the translation's current version expected) a unit's translation. */
    ProgrammeUnit translateUnit(String unitId, String language, Expected expected,
            ProgrammeEdits.UnitTranslationEdit edit, String editor) {
        ProgrammeUnit unit = existingUnit(unitId);
        UnitTranslation current = unit.translations().get(language);
        int version = current == null ? 1 : current.version() + 1;
        putTranslation(ProgrammeUnit.class, unitId, "The " + language + " translation of unit " + unitId, language,
                current == null ? 0 : current.version(), expected,
                new UnitTranslation(edit.title(), edit.summary(), edit.masterclassTitle(), edit.recordingUrl(),
                        edit.transcriptUrl(), edit.homeworkPrompt(), version, unit.version(), Instant.now(), editor));
        log.info("Programme unit {} translated into {} (translation version {}) by member {}", unitId, language,
                version, editor);
        return existingUnit(unitId);
    }

    ProgrammeModule translateModule(String moduleId, String language, Expected expected,
            ProgrammeEdits.ModuleTranslationEdit edit, String editor) {
        ProgrammeModule module = existingModule(moduleId);
        ProgrammeModule.ModuleTranslation current = module.translations().get(language);
        int version = current == null ? 1 : current.version() + 1;
        putTranslation(ProgrammeModule.class, moduleId, "The " + language + " translation of module " + moduleId,
                language, current == null ? 0 : current.version(), expected,
                new ProgrammeModule.ModuleTranslation(edit.title(), edit.summary(), version, module.version(),
                        Instant.now(), editor));
        log.info("Programme module {} translated into {} (translation version {}) by member {}", moduleId,
                language, version, editor);
        return existingModule(moduleId);
    }

    /** The edits a member made, for their data export. */
    List<Map<String, Object>> editsBy(String memberId) {
        List<Map<String, Object>> edits = new ArrayList<>();
        for (ProgrammeModule module : modules()) {
            editOf(edits, "module", module.moduleId(), module.version(), null, module.editedBy(), memberId);
            module.translations().forEach((language, t) -> editOf(edits, "moduleTranslation", module.moduleId(),
                    t.version(), language, t.editedBy(), memberId));
        }
        for (ProgrammeUnit unit : units()) {
            editOf(edits, "unit", unit.unitId(), unit.version(), null, unit.editedBy(), memberId);
            unit.translations().forEach((language, t) -> editOf(edits, "unitTranslation", unit.unitId(),
                    t.version(), language, t.editedBy(), memberId));
        }
        mongo.find(query(where(EDITED_BY).is(memberId)), UnitVersion.class).forEach(past -> editOf(edits,
                "unitVersion", past.unitId(), past.version(), null, past.editedBy(), memberId));
        return edits;
    }

    /** Keeps the content an erased member edited, and forgets that they edited it. Repeating it changes nothing. */
    void forgetEditor(String memberId) {
        Update forget = new Update().unset(EDITED_BY);
        mongo.updateMulti(query(where(EDITED_BY).is(memberId)), forget, ProgrammeModule.class);
        mongo.updateMulti(query(where(EDITED_BY).is(memberId)), forget, ProgrammeUnit.class);
        mongo.updateMulti(query(where(EDITED_BY).is(memberId)), forget, UnitVersion.class);
        modules().forEach(module -> forgetTranslator(ProgrammeModule.class, module.moduleId(),
                module.translations(), ProgrammeModule.ModuleTranslation::editedBy, memberId));
        units().forEach(unit -> forgetTranslator(ProgrammeUnit.class, unit.unitId(), unit.translations(),
                UnitTranslation::editedBy, memberId));
    }

    private <T> void forgetTranslator(Class<?> type, String id, Map<String, T> translations,
            Function<T, String> editedBy, String memberId) {
        translations.forEach((language, translation) -> {
            if (memberId.equals(editedBy.apply(translation))) {
                String field = TRANSLATIONS + "." + language + "." + EDITED_BY;
                mongo.updateFirst(query(where(ID).is(id).and(field).is(memberId)), new Update().unset(field), type);
            }
        });
    }

    private static void editOf(List<Map<String, Object>> edits, String kind, String id, int version,
            String language, String editedBy, String memberId) {
        if (memberId.equals(editedBy)) {
            Map<String, Object> edit = new LinkedHashMap<>();
            edit.put("kind", kind);
            edit.put("id", id);
            edit.put("version", version);
            if (language != null) {
                edit.put("language", language);
            }
            edits.add(edit);
        }
    }

    private void archive(ProgrammeUnit unit) {
        try {
            mongo.insert(new UnitVersion(UnitVersion.idOf(unit.unitId(), unit.version()), unit.unitId(),
                    unit.version(), unit.content(), unit.editedAt(), unit.editedBy()));
        } catch (DuplicateKeyException archivedAlready) {
            // a version's content never changes: the archive already holds exactly this
        }
    }

    /** An edit of something that exists must name the version it was made from, and that must be current. */
    private static void check(Expected expected, String what, int current) {
        if (expected == null) {
            throw Expected.required(what);
        }
        if (expected.version() != current) {
            throw expected.mismatch(what, current);
        }
    }

    private void setIfAt(Class<?> type, String id, int version, Expected expected, String what, Update update) {
        if (mongo.updateFirst(query(where(ID).is(id).and(VERSION).is(version)), update, type)
                .getMatchedCount() == 0) {
            throw expected.changedMeanwhile(what);
        }
    }

    /**
     * Writes a translation: a new one only while none exists in that language, a replacement only of the version
     * the editor expected.
     */
    private void putTranslation(Class<?> type, String id, String what, String language, int current,
            Expected expected, Object translation) {
        String field = TRANSLATIONS + "." + language;
        Criteria unchanged = where(ID).is(id);
        if (expected == null) {
            if (current != 0) {
                throw Expected.required(what);
            }
            unchanged = unchanged.and(field).exists(false);
        } else {
            if (expected.version() != current) {
                throw expected.mismatch(what, current);
            }
            unchanged = unchanged.and(field + "." + VERSION).is(current);
        }
        if (mongo.updateFirst(query(unchanged), new Update().set(field, translation), type).getMatchedCount() == 0) {
            throw expected == null ? Expected.createdMeanwhile(what) : expected.changedMeanwhile(what);
        }
    }
}
