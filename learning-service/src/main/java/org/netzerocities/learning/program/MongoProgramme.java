package org.netzerocities.learning.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The programme's outline read from the database on each call (a handful of small documents; the unit by its id),
 * so every instance sees an edit at once.
 */
@Component
class MongoProgramme implements Programme {

    private final MongoTemplate mongo;

    MongoProgramme(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<ModuleOutline> modules() {
        Map<String, List<UnitOutline>> unitsByModule = mongo
                .find(new Query().with(Sort.by("moduleId", "position")), ProgrammeUnit.class).stream()
                .map(MongoProgramme::outline)
                .collect(Collectors.groupingBy(UnitOutline::moduleId, Collectors.toList()));
        return mongo.find(new Query().with(Sort.by("position")), ProgrammeModule.class).stream()
                .map(module -> new ModuleOutline(module.moduleId(), module.position(), module.title(),
                        unitsByModule.getOrDefault(module.moduleId(), List.of())))
                .toList();
    }

    @Override
    public Optional<UnitOutline> unit(String unitId) {
        return Optional.ofNullable(mongo.findById(unitId, ProgrammeUnit.class)).map(MongoProgramme::outline);
    }

    private static UnitOutline outline(ProgrammeUnit unit) {
        return new UnitOutline(unit.unitId(), unit.moduleId(), unit.content().title(), unit.version());
    }
}
