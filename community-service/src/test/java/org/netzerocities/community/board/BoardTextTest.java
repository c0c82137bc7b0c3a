package org.netzerocities.community.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netzerocities.support.ApiProblem;

/** Posted text keeps simple formatting and loses everything that could run in a reader's browser. */
class BoardTextTest {

    private static final String NOFOLLOW = "rel=\"[^\"]*\\bnofollow\\b";
    private static final String NOOPENER = "rel=\"[^\"]*\\bnoopener\\b";

    /** In the style of the OWASP XSS filter evasion cheat sheet; each wrapped in text so something is left. */
    static Stream<String> xss() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</scr</script>ipt>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<img src=javascript:alert(&quot;XSS&quot;)>",
                "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
                "<svg onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<body onload=alert('XSS')>",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\" javascript:alert(1)\">x</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href=\"jav\tascript:alert(1)\">x</a>",
                "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
                "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<a href=\"https://example.org\" onclick=\"alert(1)\" onmouseover=\"alert(1)\">x</a>",
                "<a href=\"https://example.org\" style=\"background:url(javascript:alert(1))\">x</a>",
                "<p style=\"width: expression(alert('XSS'));\">x</p>",
                "<div style=\"background-image: url(javascript:alert('XSS'))\">x</div>",
                "<style>@import 'https://xss.example/xss.css';</style>",
                "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
                "<embed src=\"https://xss.example/xss.swf\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<link rel=stylesheet href=\"javascript:alert(1)\">",
                "<base href=\"javascript:alert(1)//\">",
                "<form action=\"javascript:alert(1)\"><input type=submit></form>",
                "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
                "<<SCRIPT>alert(\"XSS\");//<</SCRIPT>",
                "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
                "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
                "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
                "<details open ontoggle=alert(1)>",
                "<video><source onerror=\"alert(1)\">",
                "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
                "<a href=\"https://example.org\" target=\"_blank\" rel=\"opener\">x</a>",
                "<b onmouseover=alert(1)>bold</b>",
                "<xss id=x tabindex=1 onfocus=alert(1)></xss>",
                "\"><script>alert(1)</script>",
                "<a href=\"//xss.example\">x</a>",
                "<template><script>alert(1)</script></template>");
    }

    @ParameterizedTest
    @MethodSource("xss")
    void noScriptEventHandlerStyleOrDangerousUrlSurvives(String payload) {
        String html = BoardText.body("Hello " + payload + " world").html();
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script", "<img", "<svg", "<iframe", "<object", "<embed", "<style",
                "<meta", "<link", "<base", "<form", "<input", "<body", "<table", "<div", "<details", "<video",
                "<source", "<math", "<template", "style=", "srcdoc", "javascript:", "vbscript:", "data:",
                "expression(", "<!--", "target=");
        assertThat(lower).doesNotContainPattern("\\son[a-z]+\\s*=");
        // every surviving link has an allowed scheme or none (relative: stays on the portal), and the rels
        assertThat(Stream.of(lower.split("<a ")).skip(1)).allSatisfy(link -> assertThat(link)
                .containsPattern("^href=\"((https?|mailto):|[^:\"/?#]*[/?#\"])").containsPattern(NOFOLLOW).containsPattern(NOOPENER));
    }

    @Test
    void simpleFormattingAndSafeLinksStay() {
        String html = BoardText.body("<p><b>Bold</b> <i>it</i> <em>em</em> <strong>st</strong><br>"
                + "<a href=\"https://example.org/a?b=c\">web</a> <a href=\"mailto:ana@example.org\">mail</a></p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><code>c</code><pre>p</pre>")
                .html();
        assertThat(html).contains("<p>", "<b>Bold</b>", "<i>it</i>", "<em>em</em>", "<strong>st</strong>", "<br />",
                "<ul><li>one</li></ul>", "<ol><li>two</li></ol>", "<blockquote>q</blockquote>", "<code>c</code>",
                "<pre>p</pre>", "href=\"https://example.org/a?b&#61;c\"", "href=\"mailto:ana&#64;example.org\"");
        assertThat(Stream.of(html.split("<a ")).skip(1).toList()).hasSize(2).allSatisfy(part -> assertThat(part).containsPattern(NOFOLLOW)
                .containsPattern(NOOPENER));
    }

    @Test
    void theTextOfABodyIsDecodedAndLeavesScriptsOut() {
        var body = BoardText.body("Hi <b>@Ana&nbsp;Pop</b> &amp; <script>var x='@Eve'</script>friends");
        assertThat(body.text()).contains("@Ana\u00a0Pop", "&", "friends").doesNotContain("Eve", "<b>");
    }

    @Test
    void aBodyWithNothingReadableLeftIsRefused() {
        for (String empty : new String[] { "<script>alert(1)</script>", "<img src=x>", "<p> </p><br>", "   " }) {
            assertThatThrownBy(() -> BoardText.body(empty)).isInstanceOf(ApiProblem.class)
                    .hasMessageContaining("400");
        }
    }

    @Test
    void aBodyLongerThanTheLimitOnceSanitisedIsRefused() {
        assertThat(BoardText.body("a".repeat(BoardText.MAX_BODY)).html()).hasSize(BoardText.MAX_BODY);
        assertThatThrownBy(() -> BoardText.body("a".repeat(BoardText.MAX_BODY + 1)))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("400");
        // markup that goes does not count
        assertThat(BoardText.body("<span>" + "a".repeat(BoardText.MAX_BODY - 10) + "</span>").html())
                .hasSize(BoardText.MAX_BODY - 10);
    }

    @Test
    void aTitleIsPlainTextWithMarkupRemovedAndLengthLimited() {
        assertThat(BoardText.title("  <b>Solar</b>   roofs <script>alert(1)</script> &amp; more ")).isEqualTo(
                "Solar roofs & more");
        assertThat(BoardText.title("t".repeat(BoardText.MAX_TITLE))).hasSize(BoardText.MAX_TITLE);
        assertThatThrownBy(() -> BoardText.title("t".repeat(BoardText.MAX_TITLE + 1))).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> BoardText.title("<script>alert(1)</script>")).isInstanceOf(ApiProblem.class);
    }
}
