package org.netzerocities.learning.program;

import java.util.List;
import java.util.Optional;

/**
 * The programme's structure as the other features of learning-service see it: the modules in order, each with
 * its units in order at their current versions. Progress and completion rules read it; the content itself
 * (masterclasses, homework prompts, translations) is served by this package's routes.
 */
public interface Programme {

    /** The modules in programme order (five), each with its units in order. */
    List<ModuleOutline> modules();

    /** A unit by id, wherever it sits in the programme. */
    Optional<UnitOutline> unit(String unitId);

    /** A module in the programme: {@code position} counts from 1. */
    record ModuleOutline(String moduleId, int position, String title, List<UnitOutline> units) {
    }

    /** A unit at its current {@code version} (1 for the seeded content; every edit adds one). */
    record UnitOutline(String unitId, String moduleId, String title, int version) {
    }
}
