package org.scalestudy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * results.schema.json is the contract of results.json: the tool's output validates against it (with a real
 * draft 2020-12 validator), it admits no field it does not name, and docs/results-json.md lists exactly its
 * fields, object by object. A field added to a record without the schema and the docs fails here.
 */
class ResultsSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The schema as the site publishes it, compiled by networknt's validator. */
    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(ResultsJson.schema()));
    }

    @Test
    void theFixturesResultsValidate() throws IOException {
        Set<ValidationMessage> errors = schema().validate(JSON.readTree(ResultsJson.write(Fixtures.study())));
        assertEquals(Set.of(), errors, "the tool's own output must satisfy its schema");
    }

    @Test
    void theSchemasNamesAreTheEnumsNames() throws IOException {
        // Roles, charts and tables are named once, in their enums; the schema must list the same names.
        JsonNode defs = JSON.readTree(ResultsJson.schema()).path("$defs");
        assertEquals(names(org.scalestudy.results.Role.values()), texts(defs.path("run").path("properties")
                .path("role").path("enum")));
        JsonNode report = defs.path("report").path("properties");
        assertEquals(names(org.scalestudy.results.ChartName.values()),
                texts(report.path("charts").path("items").path("enum")));
        assertEquals(names(org.scalestudy.results.TableName.values()),
                texts(report.path("tables").path("items").path("enum")));
    }

    private static java.util.List<String> names(Object[] values) {
        return java.util.Arrays.stream(values).map(Object::toString).toList();
    }

    private static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aFieldTheSchemaDoesNotNameIsRejected() throws IOException {
        // A new record component would reach results.json as a new key: the schema must catch it at every level.
        ObjectNode top = (ObjectNode) JSON.readTree(ResultsJson.write(Fixtures.study()));
        top.put("newField", 1);
        assertEquals(1, schema().validate(top).size(), "top level");
        ObjectNode nested = (ObjectNode) JSON.readTree(ResultsJson.write(Fixtures.study()));
        ((ObjectNode) nested.get("fits").get(0).get("parameters").get(0)).put("median", 0.5);
        Set<ValidationMessage> errors = schema().validate(nested);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.iterator().next().getMessage().contains("median"), errors.toString());
        // and a missing one, or a number where a string belongs
        ObjectNode missing = (ObjectNode) JSON.readTree(ResultsJson.write(Fixtures.study()));
        ((ObjectNode) missing.get("fits").get(0)).remove("holdoutMetrics");
        ((ObjectNode) missing.get("fits").get(0).get("runs").get(0)).put("role", "train");
        assertEquals(2, schema().validate(missing).size());
    }

    @Test
    void theSchemaIsOfThisFormatVersion() throws IOException {
        JsonNode schema = JSON.readTree(ResultsJson.schema());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertEquals(ResultsJson.FORMAT_VERSION, schema.at("/properties/formatVersion/const").asInt());
        assertTrue(schema.get("$id").asText().endsWith(":" + ResultsJson.FORMAT_VERSION));
    }

    @Test
    void theDocsListExactlyTheSchemasFieldsObjectByObject() throws IOException {
        JsonNode schema = JSON.readTree(ResultsJson.schema());
        Map<String, Set<String>> inSchema = new TreeMap<>();
        inSchema.put("top level", names(schema.get("properties")));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("$defs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> def = it.next();
            if (def.getValue().has("properties")) {
                inSchema.put(def.getKey(), names(def.getValue().get("properties")));
                // strict: every object closes its set of fields, and requires each (the tool writes nulls, not gaps)
                assertEquals(false, def.getValue().get("additionalProperties").asBoolean(true), def.getKey());
                assertEquals(names(def.getValue().get("properties")), values(def.getValue().get("required")), def.getKey());
            }
        }
        assertEquals(false, schema.get("additionalProperties").asBoolean(true));
        assertEquals(names(schema.get("properties")), values(schema.get("required")));
        assertEquals(inSchema, documented(Files.readString(Path.of("docs/results-json.md"))));
    }

    /** The keys of each "## object" section's table in the docs: rows that start with | `key` |. */
    static Map<String, Set<String>> documented(String doc) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher section = Pattern.compile("(?m)^## (.+)$").matcher(doc);
        Pattern row = Pattern.compile("(?m)^\\| `([A-Za-z0-9]+)` \\|");
        int start = -1;
        String name = null;
        while (true) {
            boolean found = section.find();
            if (name != null) {
                Matcher m = row.matcher(doc.substring(start, found ? section.start() : doc.length()));
                Set<String> keys = new TreeSet<>();
                while (m.find()) {
                    keys.add(m.group(1));
                }
                if (!keys.isEmpty()) {
                    out.put(name, keys);
                }
            }
            if (!found) {
                return out;
            }
            name = section.group(1).trim();
            start = section.end();
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
