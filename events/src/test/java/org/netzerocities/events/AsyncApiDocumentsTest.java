package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type is documented in the AsyncAPI document of its audience, and only there: public types in
 * {@code asyncapi.yaml} (the contract for NZC work packages), types on internal topics in
 * {@code asyncapi-internal.yaml}, so contact data and account-security links never leak into the public one.
 */
class AsyncApiDocumentsTest {

    private static final String PUBLIC = "asyncapi.yaml";
    private static final String INTERNAL = "asyncapi-internal.yaml";

    static Stream<EventType<?>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @ValueSource(strings = {PUBLIC, INTERNAL})
    void isAnAsyncApi3DocumentWithTitleVersionAndDescription(String document) throws IOException {
        JsonNode root = load(document);
        JsonNode info = root.path("info");

        assertThat(root.path("asyncapi").asString("")).as(document).isEqualTo("3.0.0");
        assertThat(List.of(info.path("title"), info.path("version"), info.path("description")))
                .as("%s info title, version and description", document)
                .allSatisfy(field -> assertThat(field.asString("")).isNotBlank());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyTypeIsDocumentedInTheDocumentOfItsAudience(EventType<?> type) throws IOException {
        String home = EventCatalog.isInternal(type.topic()) ? INTERNAL : PUBLIC;
        JsonNode document = load(home);

        Optional<String> key = messageKey(document, type.type());
        assertThat(key).as("%s (topic %s) is missing from %s: add a message named %s", type.payloadType()
                .getSimpleName(), type.topic(), home, type.type()).isPresent();
        JsonNode message = document.path("components").path("messages").path(key.get());
        assertThat(message.path("payload").path("schema").path("$ref").asString(""))
                .as("%s payload schema in %s", type.type(), home).isEqualTo("./" + type.schema());
        assertThat(document.path("channels").values())
                .as("%s in %s: a channel with address %s referencing #/components/messages/%s", type.type(), home,
                        type.topic(), key.get())
                .anySatisfy(channel -> {
                    assertThat(channel.path("address").asString("")).isEqualTo(type.topic());
                    assertThat(channel.path("messages").values()).extracting(m -> m.path("$ref").asString(""))
                            .contains("#/components/messages/" + key.get());
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {PUBLIC, INTERNAL})
    void documentsOnlyTopicsAndTypesOfItsAudience(String document) throws IOException {
        boolean internal = document.equals(INTERNAL);
        String audience = internal ? "internal" : "public";
        JsonNode root = load(document);
        List<String> audienceTypes = EventCatalog.all().stream()
                .filter(t -> EventCatalog.isInternal(t.topic()) == internal).map(EventType::type).toList();

        assertThat(root.path("channels").values()).extracting(channel -> channel.path("address").asString(""))
                .filteredOn(topic -> EventCatalog.isInternal(topic) != internal)
                .as("channel addresses in %s that are not %s topics", document, audience).isEmpty();
        assertThat(root.path("components").path("messages").values()).extracting(m -> m.path("name").asString(""))
                .as("message names in %s must be catalog types on %s topics", document, audience)
                .isSubsetOf(audienceTypes);
    }

    private static Optional<String> messageKey(JsonNode document, String type) {
        return document.path("components").path("messages").properties().stream()
                .filter(entry -> type.equals(entry.getValue().path("name").asString("")))
                .map(Map.Entry::getKey).findFirst();
    }

    private static JsonNode load(String document) throws IOException {
        try (InputStream in = AsyncApiDocumentsTest.class.getClassLoader().getResourceAsStream(document)) {
            assertThat(in).as(document).isNotNull();
            return JsonMapper.shared().valueToTree(new Yaml().load(in));
        }
    }
}
