package org.netzerocities.community.event;

/** The shape of the texts an event carries, shared by creating and changing one. */
final class EventText {

    static final int TITLE = 200;
    static final int DESCRIPTION = 5000;
    static final int ADDRESS = 300;
    static final int URL = 2000;
    static final int REASON = 1000;
    static final int MAX_TOPICS = 10;
    /** One line of text: no control characters. */
    static final String LINE = "[\\P{Cntrl}]*";
    static final String LINE_MESSAGE = "must not contain control characters";
    /** Paragraphs: line breaks and tabs but no other control characters. */
    static final String TEXT = "[\\P{Cntrl}\\r\\n\\t]*";
    static final String TEXT_MESSAGE = "must not contain control characters other than line breaks and tabs";
    /** An absolute http(s) URL without spaces or control characters; no javascript: or data: links. */
    static final String WEB_URL = "(?i)https?://[^\\s/?#]+[^\\s\\p{Cntrl}]*";
    static final String WEB_URL_MESSAGE = "must be an http or https URL";
    static final String LANGUAGE = "[a-z]{2,3}";
    static final String LANGUAGE_MESSAGE = "must be an ISO 639 language code such as en";
    static final String TOPIC = "[a-z0-9][a-z0-9-]{0,39}";
    static final String TOPIC_MESSAGE = "must be a topic such as energy or circular-economy";

    private EventText() {
    }
}
