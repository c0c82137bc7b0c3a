package org.netzerocities.community.terms;

/** The terms and privacy notice of one version: a one-line summary of what changed and the text (Markdown). */
record TermsText(String summary, String text) {
}
