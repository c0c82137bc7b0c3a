package org.netzerocities.events.contract;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schemas of the event types, loaded once each from the classpath. */
public final class EventSchemas {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> byType = new ConcurrentHashMap<>();

    /** What is wrong with {@code json} as a payload of {@code type}; empty when it conforms. */
    public List<String> violations(EventType<?> type, String json) {
        Schema schema = byType.computeIfAbsent(type.type(),
                t -> registry.getSchema(SchemaLocation.of("classpath:" + type.schema())));
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
