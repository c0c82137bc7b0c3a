package org.netzerocities.learning.program;

/**
 * A unit's recorded lecture: who gives it, where to watch it (and read its transcript), how long it runs and in
 * which language it is spoken.
 */
public record Masterclass(String title, String speaker, String recordingUrl, int durationMinutes, String language,
        String transcriptUrl) {
}
