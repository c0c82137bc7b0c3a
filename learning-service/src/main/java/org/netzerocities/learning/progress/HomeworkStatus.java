package org.netzerocities.learning.progress;

/** Where a unit's homework stands: the status of its latest submission, or NONE before the first. */
public enum HomeworkStatus {
    NONE, SUBMITTED, ACCEPTED, RETURNED
}
