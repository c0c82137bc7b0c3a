package org.netzerocities.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * Whether a JSON Schema may replace its released version of the same event type. It must still accept every
 * payload the released one accepted (events already on the topics, producers not upgraded yet) and keep every
 * property it documented (consumers read them). So adding optional properties and widening are compatible;
 * removing a property, newly requiring one and narrowing a type, a value set or a constraint are not. Keywords
 * not analysed here must stay unchanged, so that a change this class cannot judge never passes unnoticed.
 * <p>
 * A missing subschema ({@code items}, {@code additionalProperties}) is read through {@link JsonNode#path}: the
 * resulting missing node has no keywords and so accepts everything, exactly like an absent keyword.
 */
final class SchemaCompatibility {

    /** Keywords that only document: changing them never breaks a consumer. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "default", "deprecated");
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minimum", "exclusiveMinimum", "minItems");
    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maximum", "exclusiveMaximum", "maxItems");
    /** String constraints whose regular expressions or formats cannot be compared: they may only be removed. */
    private static final List<String> STRING_CONSTRAINTS = List.of("pattern", "format");
    private static final Set<String> ANALYSED = Stream.of(LOWER_BOUNDS, UPPER_BOUNDS, STRING_CONSTRAINTS,
            List.of("type", "enum", "const", "required", "properties", "additionalProperties", "items"))
            .flatMap(List::stream).collect(Collectors.toUnmodifiableSet());

    private SchemaCompatibility() {
    }

    /** The breaking changes from {@code released} to {@code current}, as "path: change"; empty when compatible. */
    static List<String> breakingChanges(JsonNode released, JsonNode current) {
        List<String> changes = new ArrayList<>();
        compare("$", released, current, changes);
        return changes;
    }

    private static void compare(String path, JsonNode was, JsonNode now, List<String> changes) {
        if (isFalse(was)) {
            return; // accepted nothing, so nothing can be taken away
        }
        if (isFalse(now)) {
            changes.add(path + ": now false, rejects every value");
            return;
        }
        compareTypes(path, was, now, changes);
        compareValues(path, was, now, changes);
        compareBounds(path, was, now, changes);
        compareStringConstraints(path, was, now, changes);
        compareProperties(path, was, now, changes);
        compareSubschema(path + ".<additionalProperties>", "additionalProperties", was, now, changes);
        compareSubschema(path + "[]", "items", was, now, changes);
        compareUnanalysed(path, was, now, changes);
    }

    private static void compareSubschema(String path, String keyword, JsonNode was, JsonNode now,
            List<String> changes) {
        if (was.has(keyword) || now.has(keyword)) {
            compare(path, was.path(keyword), now.path(keyword), changes);
        }
    }

    private static void compareTypes(String path, JsonNode was, JsonNode now, List<String> changes) {
        Set<String> nowTypes = strings(now.path("type"));
        Set<String> wasTypes = strings(was.path("type"));
        if (nowTypes.isEmpty()) {
            return;
        }
        if (wasTypes.isEmpty()) {
            changes.add(path + ": type restricted to " + nowTypes);
        } else if (!wasTypes.stream().allMatch(t -> nowTypes.contains(t)
                || t.equals("integer") && nowTypes.contains("number"))) {
            changes.add(path + ": type narrowed from " + wasTypes + " to " + nowTypes);
        }
    }

    /** {@code enum} and {@code const} alike: a value set may gain values, never lose one. */
    private static void compareValues(String path, JsonNode was, JsonNode now, List<String> changes) {
        List<JsonNode> nowValues = allowedValues(now);
        List<JsonNode> wasValues = allowedValues(was);
        if (nowValues == null) {
            return;
        }
        if (wasValues == null) {
            changes.add(path + ": values restricted to " + nowValues);
        } else if (!nowValues.containsAll(wasValues)) {
            changes.add(path + ": values narrowed from " + wasValues + " to " + nowValues);
        }
    }

    private static void compareBounds(String path, JsonNode was, JsonNode now, List<String> changes) {
        LOWER_BOUNDS.forEach(keyword -> compareBound(path, keyword, was, now, 1, changes));
        UPPER_BOUNDS.forEach(keyword -> compareBound(path, keyword, was, now, -1, changes));
    }

    /** {@code stricter} is the sign of {@code now - was} that narrows: 1 for a lower bound, -1 for an upper one. */
    private static void compareBound(String path, String keyword, JsonNode was, JsonNode now, int stricter,
            List<String> changes) {
        JsonNode nowBound = now.path(keyword);
        JsonNode wasBound = was.path(keyword);
        if (!nowBound.isNumber()) {
            return;
        }
        if (!wasBound.isNumber()) {
            changes.add(path + ": " + keyword + " " + nowBound + " added");
        } else if (Integer.signum(nowBound.decimalValue().compareTo(wasBound.decimalValue())) == stricter) {
            changes.add(path + ": " + keyword + " narrowed from " + wasBound + " to " + nowBound);
        }
    }

    private static void compareStringConstraints(String path, JsonNode was, JsonNode now, List<String> changes) {
        for (String keyword : STRING_CONSTRAINTS) {
            JsonNode nowValue = now.path(keyword);
            JsonNode wasValue = was.path(keyword);
            if (nowValue.isMissingNode() || nowValue.equals(wasValue)) {
                continue;
            }
            changes.add(path + ": " + keyword + (wasValue.isMissingNode() ? " " + nowValue + " added"
                    : " changed from " + wasValue + " to " + nowValue));
        }
    }

    private static void compareProperties(String path, JsonNode was, JsonNode now, List<String> changes) {
        Set<String> wasRequired = strings(was.path("required"));
        strings(now.path("required")).stream().filter(p -> !wasRequired.contains(p))
                .forEach(p -> changes.add(path + "." + p + ": newly required"));
        JsonNode nowProperties = now.path("properties");
        was.path("properties").properties().forEach(property -> {
            String propertyPath = path + "." + property.getKey();
            if (nowProperties.has(property.getKey())) {
                compare(propertyPath, property.getValue(), nowProperties.get(property.getKey()), changes);
            } else {
                changes.add(propertyPath + ": property removed");
            }
        });
    }

    private static void compareUnanalysed(String path, JsonNode was, JsonNode now, List<String> changes) {
        Set<String> keywords = new TreeSet<>(was.propertyNames());
        keywords.addAll(now.propertyNames());
        keywords.stream()
                .filter(k -> !ANNOTATIONS.contains(k) && !ANALYSED.contains(k))
                .filter(k -> !Objects.equals(was.get(k), now.get(k)))
                .forEach(k -> changes.add(path + ": " + k + " changed, which this check cannot judge"));
    }

    private static boolean isFalse(JsonNode schema) {
        return schema.isBoolean() && !schema.booleanValue();
    }

    /** A string or an array of strings ({@code type}, {@code required}) as a sorted set; empty when absent. */
    private static Set<String> strings(JsonNode node) {
        Set<String> strings = new TreeSet<>();
        if (node.isString()) {
            strings.add(node.stringValue());
        }
        node.values().forEach(value -> strings.add(value.stringValue()));
        return strings;
    }

    /** The values an {@code enum} or {@code const} allows, or null when any value is allowed. */
    private static List<JsonNode> allowedValues(JsonNode schema) {
        if (schema.has("const")) {
            return List.of(schema.get("const"));
        }
        return schema.has("enum") ? List.copyOf(schema.get("enum").values()) : null;
    }
}
