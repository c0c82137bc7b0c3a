package org.netzerocities.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each rule of {@link SchemaCompatibility} on small schemas, written with single quotes for brevity. */
class SchemaCompatibilityTest {

    private static final String ADDRESS = "{'type':'object','properties':{'address':{'type':'object',"
            + "'properties':{'city':{'type':'string'}}}}}";

    static Stream<Arguments> incompatibleChanges() {
        return Stream.of(
                arguments("property removed",
                        "{'properties':{'a':{},'b':{}}}", "{'properties':{'a':{}}}",
                        "$.b: property removed"),
                arguments("optional property made required",
                        "{'properties':{'a':{}}}", "{'properties':{'a':{}},'required':['a']}",
                        "$.a: newly required"),
                arguments("new property added as required",
                        "{'properties':{'a':{}}}", "{'properties':{'a':{},'b':{}},'required':['b']}",
                        "$.b: newly required"),
                arguments("nullable made non-null",
                        "{'type':['string','null']}", "{'type':'string'}",
                        "$: type narrowed from [null, string] to [string]"),
                arguments("number narrowed to integer",
                        "{'type':'number'}", "{'type':'integer'}",
                        "$: type narrowed from [number] to [integer]"),
                arguments("type set on what accepted any type",
                        "{}", "{'type':'string'}",
                        "$: type restricted to [string]"),
                arguments("enum loses a value",
                        "{'enum':['A','B']}", "{'enum':['A']}",
                        "$: values narrowed from [\"A\", \"B\"] to [\"A\"]"),
                arguments("enum narrowed to a const",
                        "{'enum':['A','B']}", "{'const':'A'}",
                        "$: values narrowed from [\"A\", \"B\"] to [\"A\"]"),
                arguments("enum set on a free string",
                        "{'type':'string'}", "{'type':'string','enum':['A']}",
                        "$: values restricted to [\"A\"]"),
                arguments("maxLength added",
                        "{'type':'string'}", "{'type':'string','maxLength':80}",
                        "$: maxLength 80 added"),
                arguments("maxLength lowered",
                        "{'maxLength':80}", "{'maxLength':40}",
                        "$: maxLength narrowed from 80 to 40"),
                arguments("minLength raised",
                        "{'minLength':1}", "{'minLength':2}",
                        "$: minLength narrowed from 1 to 2"),
                arguments("minimum raised",
                        "{'minimum':0}", "{'minimum':0.5}",
                        "$: minimum narrowed from 0 to 0.5"),
                arguments("maximum lowered",
                        "{'maximum':10}", "{'maximum':9}",
                        "$: maximum narrowed from 10 to 9"),
                arguments("exclusiveMinimum added",
                        "{'type':'number'}", "{'type':'number','exclusiveMinimum':0}",
                        "$: exclusiveMinimum 0 added"),
                arguments("exclusiveMaximum lowered",
                        "{'exclusiveMaximum':10}", "{'exclusiveMaximum':1}",
                        "$: exclusiveMaximum narrowed from 10 to 1"),
                arguments("minItems added",
                        "{'type':'array'}", "{'type':'array','minItems':1}",
                        "$: minItems 1 added"),
                arguments("maxItems lowered",
                        "{'maxItems':5}", "{'maxItems':3}",
                        "$: maxItems narrowed from 5 to 3"),
                arguments("pattern added",
                        "{'type':'string'}", "{'type':'string','pattern':'^[a-z]+$'}",
                        "$: pattern \"^[a-z]+$\" added"),
                arguments("pattern changed",
                        "{'pattern':'^[a-z]+$'}", "{'pattern':'^[a-z]{2}$'}",
                        "$: pattern changed from \"^[a-z]+$\" to \"^[a-z]{2}$\""),
                arguments("format added",
                        "{'type':'string'}", "{'type':'string','format':'email'}",
                        "$: format \"email\" added"),
                arguments("format changed",
                        "{'format':'date'}", "{'format':'date-time'}",
                        "$: format changed from \"date\" to \"date-time\""),
                arguments("additionalProperties true to false",
                        "{'additionalProperties':true}", "{'additionalProperties':false}",
                        "$.<additionalProperties>: now false, rejects every value"),
                arguments("additionalProperties absent to false",
                        "{'type':'object'}", "{'type':'object','additionalProperties':false}",
                        "$.<additionalProperties>: now false, rejects every value"),
                arguments("additionalProperties restricted to a type",
                        "{'type':'object'}", "{'type':'object','additionalProperties':{'type':'string'}}",
                        "$.<additionalProperties>: type restricted to [string]"),
                arguments("property schema made false",
                        "{'properties':{'a':{}}}", "{'properties':{'a':false}}",
                        "$.a: now false, rejects every value"),
                arguments("nested property removed",
                        ADDRESS, ADDRESS.replace("'city':{'type':'string'}", ""),
                        "$.address.city: property removed"),
                arguments("nested property newly required",
                        ADDRESS, ADDRESS.replace("'type':'string'}}", "'type':'string'}},'required':['city']"),
                        "$.address.city: newly required"),
                arguments("nested type narrowed",
                        ADDRESS, ADDRESS.replace("'string'", "'integer'"),
                        "$.address.city: type narrowed from [string] to [integer]"),
                arguments("array items narrowed",
                        "{'type':'array','items':{'type':['string','null']}}",
                        "{'type':'array','items':{'type':'string'}}",
                        "$[]: type narrowed from [null, string] to [string]"),
                arguments("items set on an array of anything",
                        "{'type':'array'}", "{'type':'array','items':{'type':'string'}}",
                        "$[]: type restricted to [string]"),
                arguments("property of array item objects removed",
                        "{'properties':{'tags':{'items':{'properties':{'id':{},'label':{}}}}}}",
                        "{'properties':{'tags':{'items':{'properties':{'id':{}}}}}}",
                        "$.tags[].label: property removed"),
                arguments("keyword the check cannot judge changed",
                        "{'oneOf':[{'type':'string'},{'type':'integer'}]}", "{'oneOf':[{'type':'string'}]}",
                        "$: oneOf changed, which this check cannot judge"),
                arguments("keyword the check cannot judge added",
                        "{}", "{'not':{'type':'string'}}",
                        "$: not changed, which this check cannot judge"));
    }

    static Stream<Arguments> compatibleChanges() {
        return Stream.of(
                arguments("unchanged", ADDRESS, ADDRESS),
                arguments("optional property added",
                        "{'properties':{'a':{}},'required':['a']}",
                        "{'properties':{'a':{},'b':{'type':'string'}},'required':['a']}"),
                arguments("optional property added to a closed object",
                        "{'properties':{'a':{}},'additionalProperties':false}",
                        "{'properties':{'a':{},'b':{}},'additionalProperties':false}"),
                arguments("required property made optional",
                        "{'properties':{'a':{}},'required':['a']}", "{'properties':{'a':{}}}"),
                arguments("made nullable", "{'type':'string'}", "{'type':['string','null']}"),
                arguments("integer widened to number", "{'type':'integer'}", "{'type':'number'}"),
                arguments("type dropped", "{'type':'string'}", "{}"),
                arguments("enum gains a value", "{'enum':['A']}", "{'enum':['A','B']}"),
                arguments("const widened to an enum", "{'const':'A'}", "{'enum':['A','B']}"),
                arguments("enum dropped", "{'type':'string','enum':['A']}", "{'type':'string'}"),
                arguments("maxLength raised", "{'maxLength':40}", "{'maxLength':80}"),
                arguments("maxLength dropped", "{'maxLength':40}", "{}"),
                arguments("minLength lowered", "{'minLength':2}", "{'minLength':1}"),
                arguments("minimum lowered", "{'minimum':1}", "{'minimum':0}"),
                arguments("exclusiveMaximum raised", "{'exclusiveMaximum':1}", "{'exclusiveMaximum':10}"),
                arguments("minItems dropped", "{'minItems':1}", "{}"),
                arguments("maxItems raised", "{'maxItems':3}", "{'maxItems':5}"),
                arguments("pattern dropped", "{'type':'string','pattern':'^[a-z]+$'}", "{'type':'string'}"),
                arguments("format dropped", "{'type':'string','format':'email'}", "{'type':'string'}"),
                arguments("additionalProperties false to true",
                        "{'additionalProperties':false}", "{'additionalProperties':true}"),
                arguments("additionalProperties false to absent", "{'additionalProperties':false}", "{}"),
                arguments("property that accepted nothing given a type",
                        "{'properties':{'a':false}}", "{'properties':{'a':{'type':'string'}}}"),
                arguments("annotations changed",
                        "{'$id':'a','title':'A','description':'old','examples':[1],'default':1,'$comment':'x'}",
                        "{'$id':'b','title':'B','description':'new','examples':[2],'default':2,'deprecated':true}"),
                arguments("nested optional property added",
                        ADDRESS, ADDRESS.replace("'city'", "'postcode':{},'city'")),
                arguments("array items widened",
                        "{'type':'array','items':{'type':'string'}}",
                        "{'type':'array','items':{'type':['string','null']}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompatibleChanges")
    void reportsAnIncompatibleChange(String change, String released, String current, String reported) {
        assertThat(SchemaCompatibility.breakingChanges(schema(released), schema(current))).containsExactly(reported);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleChanges")
    void acceptsACompatibleChange(String change, String released, String current) {
        assertThat(SchemaCompatibility.breakingChanges(schema(released), schema(current))).isEmpty();
    }

    private static JsonNode schema(String singleQuoted) {
        return JsonMapper.shared().readTree(singleQuoted.replace('\'', '"'));
    }
}
