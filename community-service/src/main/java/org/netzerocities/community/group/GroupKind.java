package org.netzerocities.community.group;

/** A city group (has a city), a topic group (has a topic, maybe a city), or a cohort's peer group (joined by enrolment). */
public enum GroupKind {
    CITY, TOPIC, COHORT
}
