package org.netzerocities.learning.progress;

import java.time.Instant;

/**
 * A learner's standing in one module: the highest percentage reached so far (so an edit of the programme, such as
 * a unit added, never lowers what the learner sees) and, once all its units were complete, when.
 */
record ModuleProgress(String moduleId, int percent, Instant completedAt) {

    static ModuleProgress start(String moduleId) {
        return new ModuleProgress(moduleId, 0, null);
    }

    boolean completed() {
        return completedAt != null;
    }

    ModuleProgress reaching(int reached) {
        return reached > percent ? new ModuleProgress(moduleId, reached, completedAt) : this;
    }

    ModuleProgress completed(Instant now) {
        return new ModuleProgress(moduleId, 100, now);
    }
}
