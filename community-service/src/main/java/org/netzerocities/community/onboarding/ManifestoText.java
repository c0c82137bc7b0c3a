package org.netzerocities.community.onboarding;

/** The manifesto in one language: a one-line summary and the text (Markdown). */
record ManifestoText(String summary, String text) {
}
