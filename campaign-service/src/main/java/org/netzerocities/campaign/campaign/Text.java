package org.netzerocities.campaign.campaign;

/** What free text and identifiers sent to the campaign routes may contain (bean-validation patterns). */
final class Text {

    /** One line: no control characters at all. */
    static final String LINE = "[^\\p{Cntrl}]*";
    /** Several lines: control characters other than line breaks and tabs are refused. */
    static final String LINES = "[\\P{Cntrl}\\r\\n\\t]*";
    static final String LINE_MESSAGE = "must not contain control characters";
    static final String LINES_MESSAGE = "must not contain control characters other than line breaks and tabs";
    /** Lower-case words joined by hyphens: campaign references and question ids, safe in links and keys. */
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String SLUG_MESSAGE = "must be lower-case letters and digits joined by single hyphens";
    /** An Instagram username: letters, digits, dots and underscores, at most 30, without the leading @. */
    static final String HANDLE = "[A-Za-z0-9._]{1,30}";
    static final String HANDLE_MESSAGE = "must be an Instagram username (letters, digits, . and _, at most 30, no @)";

    private Text() {
    }
}
