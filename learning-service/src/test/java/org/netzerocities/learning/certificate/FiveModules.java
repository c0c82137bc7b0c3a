package org.netzerocities.learning.certificate;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.netzerocities.learning.program.Programme;

/** A programme of five modules without units, for certificates built outside the application context. */
final class FiveModules implements Programme {

    static final List<String> TITLES = List.of("The Cities Mission and NetZeroCities",
            "Contributing to NetZeroCities activities", "Citizen and stakeholder engagement", "Social innovation",
            "Systems thinking");

    @Override
    public List<ModuleOutline> modules() {
        return IntStream.range(0, TITLES.size())
                .mapToObj(i -> new ModuleOutline("module-" + (i + 1), i + 1, TITLES.get(i), List.of())).toList();
    }

    @Override
    public Optional<UnitOutline> unit(String unitId) {
        return Optional.empty();
    }
}
