package org.netzerocities.campaign.plan;

/** The shapes and sizes of what an engagement plan holds, shared by the requests that write one. */
final class PlanText {

    static final int TITLE = 200;
    static final int TEXT = 2000;
    static final int ITEM = 200;
    static final int URL = 2000;
    static final int MAX_ACTIONS = 50;
    static final int MAX_ITEMS = 20;
    /** Notes kept per action: 50 actions of 20 notes of 2,000 characters stay far below MongoDB's 16 MB document. */
    static final int MAX_NOTES = 20;
    /** Plans per member: a frontrunner plans for their community, not for a thousand. */
    static final int MAX_PLANS = 20;

    /** One line of text: no control characters (Unicode's, C1 included). */
    static final String LINE = "[^\\p{Cc}]*";
    static final String LINE_MESSAGE = "must not contain control characters";
    /** Text of several lines: line breaks and tabs, no other control characters. */
    static final String LINES = "[\\P{Cc}\\r\\n\\t]*";
    static final String LINES_MESSAGE = "must not contain control characters other than line breaks and tabs";
    /** Not only spaces: a title says something. */
    static final String NOT_BLANK = "(?s).*\\S.*";
    /**
     * An absolute https URL naming a host, without credentials, spaces or control characters: the transition team
     * opens these links, so nothing a browser could run ({@code javascript:}, {@code data:}) gets in.
     */
    static final String HTTPS_URL = "(?i)https://[^\\s/?#@\\p{Cc}]+(?:[/?#][^\\s\\p{Cc}]*)?";
    static final String HTTPS_URL_MESSAGE = "must be an https URL naming a host, e.g. https://netzerocities.eu/";

    private PlanText() {
    }
}
