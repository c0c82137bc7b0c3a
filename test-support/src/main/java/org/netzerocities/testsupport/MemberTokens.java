package org.netzerocities.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Members' bearer tokens for MockMvc requests, as the services' resource server would have decoded them. */
public final class MemberTokens {

    /**
     * Subjects a token may carry that must match no member's data: query operators, a pattern, an id far too long,
     * control characters and an injection attempt.
     */
    public static final List<String> HOSTILE_SUBJECTS = List.of("{\"$gt\":\"\"}", "{\"$ne\":null}", ".*",
            "x".repeat(200_000), "a\u0000b\u001f\u007f", "' || '1'=='1");

    private MemberTokens() {
    }

    /** The valid token of the member {@code memberId}. */
    public static RequestPostProcessor asMember(String memberId) {
        return jwt().jwt(token -> token.subject(memberId));
    }

    /** A valid token that names no member: it has no {@code sub} claim. */
    public static RequestPostProcessor namingNoMember() {
        return jwt().jwt(token -> token.claims(claims -> claims.remove("sub")));
    }

    /** A test name for a hostile subject: the subject itself, unless it is too long to read. */
    public static String testName(String subject) {
        return subject.length() > 40 ? "huge id" : subject;
    }
}
