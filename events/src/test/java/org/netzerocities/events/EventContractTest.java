package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netzerocities.events.contract.EventCatalog;
import org.netzerocities.events.contract.EventType;
import org.netzerocities.events.contract.community.MemberJoined;
import org.netzerocities.events.kafka.EventCodec;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The published contract: every event type has a schema and its samples validate ({@code AsyncApiDocumentsTest}
 * checks the AsyncAPI entries, {@code SchemaReleaseCompatibilityTest} the changes since the latest release).
 */
class EventContractTest {

    /** One realistic sample per event type; a type added to the catalog without a sample fails the build. */
    private static final Map<String, Object> SAMPLES = Map.of(
            EventCatalog.MEMBER_JOINED.type(),
            new MemberJoined("m-1", "ana@example.org", "Ana", "cluj-napoca", List.of("ro", "en"),
                    List.of("energy", "mobility"), "CLUJ-2026", Instant.parse("2026-11-28T10:15:30Z")));

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final EventCodec codec = new EventCodec();

    static Stream<EventType<?>> eventTypes() {
        return EventCatalog.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void sampleOfEveryTypeValidatesAgainstItsSchema(EventType<?> type) throws Exception {
        assertThat(SAMPLES).as("sample for %s", type.type()).containsKey(type.type());
        String json = codec.write(SAMPLES.get(type.type()));

        List<Error> errors = schema(type).validate(json, InputFormat.JSON);

        assertThat(errors).as("%s sample %s", type.type(), json).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaRejectsAPayloadMissingRequiredFields(EventType<?> type) throws Exception {
        assertThat(schema(type).validate("{}", InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void typeNamesAreUniqueAndVersioned() {
        assertThat(EventCatalog.all()).extracting(EventType::type).doesNotHaveDuplicates()
                .allMatch(t -> t.matches(".*\\.v\\d+$"));
    }

    private Schema schema(EventType<?> type) throws Exception {
        InputStream in = getClass().getClassLoader().getResourceAsStream(type.schema());
        assertThat(in).as("JSON Schema %s", type.schema()).isNotNull();
        try (in) {
            return SCHEMAS.getSchema(in);
        }
    }
}
