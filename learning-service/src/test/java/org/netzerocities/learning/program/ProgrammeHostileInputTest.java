package org.netzerocities.learning.program;

import static org.netzerocities.learning.program.ProgrammeApi.PROGRAMME;
import static org.netzerocities.learning.program.ProgrammeApi.facilitator;
import static org.netzerocities.learning.program.ProgrammeApi.unitEdit;
import static org.netzerocities.testsupport.HostileRequests.refused;
import static org.netzerocities.testsupport.HostileRequests.spoiled;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.netzerocities.testsupport.PlatformInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Whatever a client sends to the programme's routes, the answer is a 4xx problem, never a 5xx. Edits are sent
 * from the unit's current version, so a spoiled field the rules missed would be saved and fail the test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(PlatformInfrastructure.class)
class ProgrammeHostileInputTest {

    private static final String HUGE = "x".repeat(200_000);
    private static final String CONTROL = "\"Caf\\u0000\\u0007\\u001b[31m\"";
    private static final String OPERATOR = "{\"$gt\":\"\"}";
    private static final String UNIT = "social-innovation.experiment-and-scale";
    private static final String MODULE = "social-innovation";

    @Autowired
    MockMvc http;
    @Autowired
    Programme programme;
    @Autowired
    ProgrammeContent content;

    @TestFactory
    Stream<DynamicTest> readingRefusesLanguagesAndIdsItDoesNotKnow() {
        return Stream.of(
                refused(http, "unknown language", get(PROGRAMME).param("language", "xx")),
                refused(http, "language with region", get(PROGRAMME).param("language", "fr-BE")),
                refused(http, "operator as language", get(PROGRAMME).param("language", OPERATOR)),
                refused(http, "operator in parameter name", get(PROGRAMME + "?language[$ne]=")
                        .param("language", "")),
                refused(http, "huge language", get(PROGRAMME).param("language", HUGE)),
                refused(http, "control characters in language", get(PROGRAMME).param("language", "f\u0000")),
                refused(http, "control characters in Accept-Language", get(PROGRAMME)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "fr\u0000;q=1")),
                refused(http, "two languages", get(PROGRAMME).param("language", "fr", "de")),
                refused(http, "unknown unit", get(PROGRAMME + "/units/social-innovation.nothing")),
                refused(http, "operator as unit id", get(PROGRAMME + "/units/{id}", OPERATOR)),
                refused(http, "huge unit id", get(PROGRAMME + "/units/{id}", "u".repeat(5_000))),
                refused(http, "unknown module", get(PROGRAMME + "/modules/{id}", ".*")),
                refused(http, "bad language for a unit", get(PROGRAMME + "/units/" + UNIT).param("language", "zz")),
                refused(http, "versions of an unknown unit", get(PROGRAMME + "/units/{id}/versions", OPERATOR)),
                refused(http, "version as text", get(PROGRAMME + "/units/" + UNIT + "/versions/one")),
                refused(http, "version overflowing", get(PROGRAMME + "/units/" + UNIT + "/versions/99999999999")),
                refused(http, "version zero", get(PROGRAMME + "/units/" + UNIT + "/versions/0")),
                refused(http, "negative version", get(PROGRAMME + "/units/" + UNIT + "/versions/-1")),
                refused(http, "future version", get(PROGRAMME + "/units/" + UNIT + "/versions/1000")));
    }

    @TestFactory
    Stream<DynamicTest> editingAUnitRefusesWhatItCannotStore() {
        Map<String, String> valid = withVersion(unitEdit("Experimenting, learning and scaling"));
        String masterclass = valid.get("masterclass");
        return Stream.of(
                hostile("huge title", editUnit(spoiled(valid, "title", "\"" + HUGE + "\""))),
                hostile("control characters in title", editUnit(spoiled(valid, "title", CONTROL))),
                hostile("operator as title", editUnit(spoiled(valid, "title", OPERATOR))),
                hostile("null title", editUnit(spoiled(valid, "title", "null"))),
                hostile("title as array", editUnit(spoiled(valid, "title", "[null]"))),
                hostile("huge summary", editUnit(spoiled(valid, "summary", "\"" + HUGE + "\""))),
                hostile("masterclass as text", editUnit(spoiled(valid, "masterclass", "\"watch it\""))),
                hostile("no masterclass", editUnit(spoiled(valid, "masterclass", "null"))),
                hostile("javascript recording", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("https://netzerocities.app", "javascript:alert(1)//")))),
                hostile("recording with credentials", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("https://", "https://admin:secret@")))),
                hostile("operator as recording", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("\"https://netzerocities.app/learning/masterclasses/x\"", OPERATOR)))),
                hostile("data transcript", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("\"transcriptUrl\":null", "\"transcriptUrl\":\"data:text/html,x\"")))),
                hostile("duration as text", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("35", "\"thirty-five\"")))),
                hostile("negative duration", editUnit(spoiled(valid, "masterclass", masterclass.replace("35", "-5")))),
                hostile("overflowing duration", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("35", "99999999999")))),
                hostile("spoken language unknown", editUnit(spoiled(valid, "masterclass",
                        masterclass.replace("\"en\"", "\"klingon\"")))),
                hostile("nulls in homework", editUnit(spoiled(valid, "homework", "[null]"))),
                hostile("control characters in prompt", editUnit(spoiled(valid, "homework",
                        "{\"prompt\":" + CONTROL + "}"))),
                hostile("operator as prompt", editUnit(spoiled(valid, "homework", "{\"prompt\":" + OPERATOR + "}"))),
                hostile("version as text", editUnit(spoiled(valid, "expectedVersion", "\"latest\""))),
                hostile("operator as version", editUnit(spoiled(valid, "expectedVersion", "{\"$gt\":0}"))),
                hostile("zero version", editUnit(spoiled(valid, "expectedVersion", "0"))),
                hostile("stale version", editUnit(spoiled(valid, "expectedVersion", "100000"))),
                hostile("no version", editUnit(spoiled(valid, "expectedVersion", "null"))),
                hostile("star If-Match", editUnit(spoiled(valid, "expectedVersion", "null"))
                        .header(HttpHeaders.IF_MATCH, "*")),
                hostile("garbage If-Match", editUnit(spoiled(valid, "expectedVersion", "null"))
                        .header(HttpHeaders.IF_MATCH, "\"1\u0000\" OR 1=1")),
                hostile("unknown unit", put(PROGRAMME + "/units/{id}", OPERATOR).with(facilitator())
                        .contentType(MediaType.APPLICATION_JSON).content(spoiled(valid, "title", "\"T\""))),
                hostile("JSON array body", editUnit("[]")),
                hostile("empty body", editUnit("")),
                hostile("not JSON", editUnit("title=Seeing")),
                hostile("body as text", editUnit("\"a unit\"")),
                hostile("form body", put(PROGRAMME + "/units/" + UNIT).with(facilitator())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("title=x")));
    }

    @TestFactory
    Stream<DynamicTest> editingAModuleRefusesWhatItCannotStore() {
        int version = content.existingModule(MODULE).version();
        Map<String, String> valid = Map.of("title", "\"Social innovation\"", "summary", "\"New practices.\"",
                "expectedVersion", String.valueOf(version));
        return Stream.of(
                hostile("huge module title", editModule(spoiled(valid, "title", "\"" + HUGE + "\""))),
                hostile("operator as module title", editModule(spoiled(valid, "title", OPERATOR))),
                hostile("control characters in summary", editModule(spoiled(valid, "summary", CONTROL))),
                hostile("null summary", editModule(spoiled(valid, "summary", "null"))),
                hostile("module version as array", editModule(spoiled(valid, "expectedVersion", "[1]"))),
                hostile("unknown module", put(PROGRAMME + "/modules/nothing").with(facilitator())
                        .contentType(MediaType.APPLICATION_JSON).content(spoiled(valid, "title", "\"T\""))),
                hostile("empty module body", editModule("{}")));
    }

    @TestFactory
    Stream<DynamicTest> translatingRefusesUnknownLanguagesAndEmptyTranslations() {
        String valid = "{\"title\":\"Experimentar, aprender y escalar\"}";
        return Stream.of(
                hostile("English as translation", translate("en", valid)),
                hostile("unknown language", translate("xx", valid)),
                hostile("three-letter language", translate("spa", valid)),
                hostile("operator as language", put(PROGRAMME + "/units/" + UNIT + "/translations/{l}", OPERATOR)
                        .with(facilitator()).contentType(MediaType.APPLICATION_JSON).content(valid)),
                hostile("empty translation", translate("es", "{}")),
                hostile("blank translation", translate("es", "{\"title\":\"  \",\"summary\":null}")),
                hostile("control characters in translation", translate("es", "{\"title\":" + CONTROL + "}")),
                hostile("huge translated prompt", translate("es", "{\"homeworkPrompt\":\"" + HUGE + "\"}")),
                hostile("javascript translated recording", translate("es",
                        "{\"recordingUrl\":\"javascript:alert(1)\"}")),
                hostile("translated title as object", translate("es", "{\"title\":" + OPERATOR + "}")),
                hostile("replacing a translation that does not exist", translate("es", valid)
                        .header(HttpHeaders.IF_MATCH, "\"3\"")),
                hostile("translation of an unknown unit", put(PROGRAMME + "/units/nothing/translations/es")
                        .with(facilitator()).contentType(MediaType.APPLICATION_JSON).content(valid)),
                hostile("module translation into English", put(PROGRAMME + "/modules/" + MODULE + "/translations/en")
                        .with(facilitator()).contentType(MediaType.APPLICATION_JSON).content(valid)),
                hostile("empty module translation", put(PROGRAMME + "/modules/" + MODULE + "/translations/es")
                        .with(facilitator()).contentType(MediaType.APPLICATION_JSON).content("{\"title\":null}")));
    }

    private DynamicTest hostile(String name, MockHttpServletRequestBuilder request) {
        return refused(http, name, request);
    }

    private Map<String, String> withVersion(Map<String, String> fields) {
        var versioned = new LinkedHashMap<>(fields);
        versioned.put("expectedVersion", String.valueOf(programme.unit(UNIT).orElseThrow().version()));
        return versioned;
    }

    private static MockHttpServletRequestBuilder editUnit(String body) {
        return put(PROGRAMME + "/units/" + UNIT).with(facilitator()).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder editModule(String body) {
        return put(PROGRAMME + "/modules/" + MODULE).with(facilitator()).contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private static MockHttpServletRequestBuilder translate(String language, String body) {
        return put(PROGRAMME + "/units/" + UNIT + "/translations/{l}", language).with(facilitator())
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
