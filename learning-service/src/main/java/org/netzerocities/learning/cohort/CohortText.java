package org.netzerocities.learning.cohort;

/** The shapes of what a cohort's requests carry, shared by creating and changing one. */
final class CohortText {

    static final int NAME = 200;
    static final int URL = 2000;
    /** One line of text: no control characters. */
    static final String LINE = "[\\P{Cntrl}]*";
    static final String LINE_MESSAGE = "must not contain control characters";
    /** An absolute https URL without spaces or control characters: online sessions are reached over TLS only. */
    static final String HTTPS_URL = "(?i)https://[^\\s/?#]+[^\\s\\p{Cntrl}]*";
    static final String HTTPS_URL_MESSAGE = "must be an https URL";
    static final String LANGUAGE = "[a-z]{2}";
    static final String LANGUAGE_MESSAGE = "must be an ISO 639-1 language code such as en";
    static final String MEMBER_ID = "[A-Za-z0-9_-]{1,100}";
    static final String MEMBER_ID_MESSAGE = "must be a member id";
    static final String MODULE_ID = "[a-z0-9-]{1,64}";
    static final String MODULE_ID_MESSAGE = "must be a module id of the programme";

    private CohortText() {
    }
}
