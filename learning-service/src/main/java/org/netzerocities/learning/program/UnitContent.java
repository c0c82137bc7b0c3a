package org.netzerocities.learning.program;

/** What a unit teaches at one version, in English: its title and summary, the masterclass and the homework. */
public record UnitContent(String title, String summary, Masterclass masterclass, Homework homework) {

    /** The task that has the learner apply the masterclass to their own city and actions. */
    public record Homework(String prompt) {
    }
}
