package org.netzerocities.learning.program;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The programme's outline read from the database on each call (a handful of small documents; a unit by its id),
 * so every instance sees an edit at once.
 */
@Component
class MongoProgramme implements Programme {

    private final ProgrammeContent content;

    MongoProgramme(ProgrammeContent content) {
        this.content = content;
    }

    @Override
    public List<ModuleOutline> modules() {
        Map<String, List<UnitOutline>> unitsByModule = content.units().stream()
                .map(MongoProgramme::outline)
                .collect(Collectors.groupingBy(UnitOutline::moduleId, Collectors.toList()));
        return content.modules().stream()
                .map(module -> new ModuleOutline(module.moduleId(), module.position(), module.title(),
                        unitsByModule.getOrDefault(module.moduleId(), List.of())))
                .toList();
    }

    @Override
    public Optional<UnitOutline> unit(String unitId) {
        return content.unit(unitId).map(MongoProgramme::outline);
    }

    private static UnitOutline outline(ProgrammeUnit unit) {
        return new UnitOutline(unit.unitId(), unit.moduleId(), unit.content().title(), unit.version());
    }
}
