package org.netzerocities.learning.cohort;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The programme's modules in order, as cohorts name them: a module facilitator and a discussion session belong to
 * one of these.
 */
@Component
class ProgrammeModules {

    private static final List<String> MODULE_IDS = List.of("cities-mission", "contributing-to-nzc",
            "citizen-engagement", "social-innovation", "systems-thinking");

    /** The module ids in programme order. */
    List<String> ids() {
        return MODULE_IDS;
    }

    boolean exists(String moduleId) {
        return ids().contains(moduleId);
    }
}
