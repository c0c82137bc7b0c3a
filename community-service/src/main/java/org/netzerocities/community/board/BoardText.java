package org.netzerocities.community.board;

import java.util.List;

import org.netzerocities.support.ApiProblem;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlSanitizer;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.PolicyFactory;

/**
 * What members write on the boards, made safe with the OWASP Java HTML Sanitizer. A post's body keeps an
 * allow-list of simple formatting and links to http, https and mailto addresses (each link gets
 * {@code rel="nofollow noopener"}); everything else (scripts, event handlers, styles, frames, images, other URL
 * schemes) is dropped. Titles and reasons are plain text: markup is removed, what remains is text the portal
 * must escape.
 */
final class BoardText {

    static final int MAX_BODY = 10_000;
    static final int MAX_TITLE = 200;

    private static final PolicyFactory POST = new HtmlPolicyBuilder()
            .allowElements("b", "i", "em", "strong", "p", "br", "ul", "ol", "li", "blockquote", "code", "pre", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();

    private BoardText() {
    }

    /**
     * A post's body: sanitised HTML and its plain text (where mentions are looked for).
     *
     * @throws ApiProblem 400 when nothing readable is left, or the sanitised HTML is longer than {@value #MAX_BODY}
     */
    static Body body(String raw) {
        String html = POST.sanitize(raw).strip();
        String text = textOf(html);
        if (text.isBlank()) {
            throw ApiProblem.invalid("body", "has no text once formatting that is not allowed is removed");
        }
        if (html.length() > MAX_BODY) {
            throw ApiProblem.invalid("body", "must be at most " + MAX_BODY + " characters once sanitised");
        }
        return new Body(html, text);
    }

    /**
     * A thread's title as plain text, markup removed and white space collapsed.
     *
     * @throws ApiProblem 400 when nothing is left or it is longer than {@value #MAX_TITLE}
     */
    static String title(String raw) {
        return plain(raw, "title", MAX_TITLE);
    }

    /**
     * Plain text (a title, a moderator's or reporter's reason): markup removed, white space collapsed.
     *
     * @throws ApiProblem 400 naming {@code field} when nothing is left or it is longer than {@code max}
     */
    static String plain(String raw, String field, int max) {
        String text = textOf(raw).replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            throw ApiProblem.invalid(field, "has no text once markup is removed");
        }
        if (text.length() > max) {
            throw ApiProblem.invalid(field, "must be at most " + max + " characters");
        }
        return text;
    }

    /**
     * The decoded text of {@code html} as the post policy lets it through (never the content of a script or style);
     * every boundary of an allowed element becomes a line break, so that words in adjacent elements stay apart.
     */
    static String textOf(String html) {
        StringBuilder text = new StringBuilder();
        HtmlSanitizer.sanitize(html, POST.apply(new HtmlStreamEventReceiver() {

            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String name, List<String> attributes) {
                text.append('\n');
            }

            @Override
            public void closeTag(String name) {
                text.append('\n');
            }

            @Override
            public void text(String chunk) {
                text.append(chunk);
            }
        }));
        return text.toString();
    }

    /** A sanitised body: the HTML stored and shown, and its plain text. */
    record Body(String html, String text) {
    }
}
