package org.netzerocities.learning.program;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.netzerocities.support.caller.CallerAuthentication;
import org.netzerocities.testsupport.HostileRequests;
import org.netzerocities.support.caller.GlobalRole;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Tokens and request bodies for the programme's routes. */
final class ProgrammeApi {

    static final String PROGRAMME = "/api/learning/program";
    /** The units the editing tests change (the last module), so the other features' tests meet few edits. */
    static final String EDITED_UNIT = "systems-thinking.seeing-the-system";
    static final String EDITED_MODULE = "systems-thinking";

    private ProgrammeApi() {
    }

    static String freshId() {
        return "m-" + UUID.randomUUID();
    }

    /** A signed-in member holding {@code roles}, with the authorities the resource server derives from them. */
    static RequestPostProcessor as(String memberId, GlobalRole... roles) {
        return jwt().jwt(token -> token.subject(memberId).claim("roles", List.of(roles).stream().map(Enum::name)
                .toList()))
                .authorities(token -> CallerAuthentication.converter().convert(token).getAuthorities());
    }

    static RequestPostProcessor facilitator() {
        return as(freshId(), GlobalRole.MEMBER, GlobalRole.FACILITATOR);
    }

    static RequestPostProcessor admin() {
        return as(freshId(), GlobalRole.MEMBER, GlobalRole.ADMIN);
    }

    static RequestPostProcessor member() {
        return as(freshId(), GlobalRole.MEMBER);
    }

    /** The fields of a valid unit edit, as raw JSON values. */
    static Map<String, String> unitEdit(String title) {
        return Map.of("title", json(title), "summary", "\"Stocks, flows and feedback loops in the city.\"",
                "masterclass", "{\"title\":\"Feedback loops in the city\",\"speaker\":\"NetZeroCities Systems "
                        + "Innovation team\",\"recordingUrl\":\"https://netzerocities.app/learning/masterclasses/x\","
                        + "\"durationMinutes\":35,\"language\":\"en\",\"transcriptUrl\":null}",
                "homework", "{\"prompt\":\"Draw a causal loop diagram of one climate issue in your city.\"}");
    }

    /** A unit edit titled {@code title} that names no version. */
    static String unitEditBody(String title) {
        return HostileRequests.spoiled(unitEdit(title), "title", json(title));
    }

    /** A unit edit titled {@code title}, made from {@code expectedVersion}. */
    static String unitEdit(String title, int expectedVersion) {
        return HostileRequests.spoiled(unitEdit(title), "expectedVersion", String.valueOf(expectedVersion));
    }

    /** The content of {@link #unitEdit(String)}, for editing through the service. */
    static UnitContent unitContent(String title) {
        return new UnitContent(title, "Stocks, flows and feedback loops in the city.",
                new Masterclass("Feedback loops in the city", "NetZeroCities Systems Innovation team",
                        "https://netzerocities.app/learning/masterclasses/x", 35, "en", null),
                new UnitContent.Homework("Draw a causal loop diagram of one climate issue in your city."));
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
