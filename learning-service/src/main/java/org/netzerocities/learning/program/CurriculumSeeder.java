package org.netzerocities.learning.program;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the curriculum shipped in {@code program/curriculum.json} at start-up: each module and unit is inserted
 * only when no document has its id yet, so facilitators' edits are never overwritten and instances starting
 * together do not duplicate anything (the losing insert meets the unique {@code _id} and is skipped). A module or
 * unit added to the file in a later release appears at the next start.
 */
@Component
class CurriculumSeeder implements ApplicationRunner {

    static final String RESOURCE = "program/curriculum.json";
    private static final Logger log = LoggerFactory.getLogger(CurriculumSeeder.class);

    private final MongoTemplate mongo;
    private final JsonMapper json;

    CurriculumSeeder(MongoTemplate mongo, JsonMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        seed();
    }

    /** Inserts what is missing; answers how many documents were inserted. */
    int seed() throws IOException {
        Curriculum curriculum;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            curriculum = json.readValue(in, Curriculum.class);
        }
        Instant now = Instant.now();
        int inserted = 0;
        for (int m = 0; m < curriculum.modules().size(); m++) {
            SeedModule module = curriculum.modules().get(m);
            inserted += insertIfAbsent(new ProgrammeModule(module.moduleId(), m + 1, module.title(), module.summary(),
                    1, translations(module.translations(), now), now, null));
            List<SeedUnit> units = module.units();
            inserted += IntStream.range(0, units.size())
                    .map(u -> insertIfAbsent(units.get(u).unit(module.moduleId(), u + 1, now)))
                    .sum();
        }
        log.info("Curriculum seeded: {} modules and units inserted, the others were present", inserted);
        return inserted;
    }

    private int insertIfAbsent(Object document) {
        try {
            mongo.insert(document);
            return 1;
        } catch (DuplicateKeyException present) {
            return 0;
        }
    }

    private static Map<String, ProgrammeModule.ModuleTranslation> translations(Map<String, SeedModuleTranslation> seed,
            Instant now) {
        return seed == null ? Map.of() : seed.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey,
                e -> new ProgrammeModule.ModuleTranslation(e.getValue().title(), e.getValue().summary(), 1, 1, now,
                        null)));
    }

    record Curriculum(List<SeedModule> modules) {
    }

    record SeedModule(String moduleId, String title, String summary, Map<String, SeedModuleTranslation> translations,
            List<SeedUnit> units) {
    }

    record SeedModuleTranslation(String title, String summary) {
    }

    record SeedUnit(String unitId, String title, String summary, Masterclass masterclass,
            UnitContent.Homework homework, Map<String, SeedUnitTranslation> translations) {

        ProgrammeUnit unit(String moduleId, int position, Instant now) {
            Map<String, ProgrammeUnit.UnitTranslation> translated = translations == null ? Map.of()
                    : translations.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().translation(now)));
            return new ProgrammeUnit(unitId, moduleId, position, 1,
                    new UnitContent(title, summary, masterclass, homework), translated, now, null);
        }
    }

    record SeedUnitTranslation(String title, String summary, String masterclassTitle, String recordingUrl,
            String transcriptUrl, String homeworkPrompt) {

        ProgrammeUnit.UnitTranslation translation(Instant now) {
            return new ProgrammeUnit.UnitTranslation(title, summary, masterclassTitle, recordingUrl, transcriptUrl,
                    homeworkPrompt, 1, 1, now, null);
        }
    }
}
