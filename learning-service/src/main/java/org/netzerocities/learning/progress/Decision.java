package org.netzerocities.learning.progress;

/** A facilitator's review of a homework submission. */
public enum Decision {
    ACCEPTED, RETURNED;

    HomeworkStatus status() {
        return HomeworkStatus.valueOf(name());
    }
}
