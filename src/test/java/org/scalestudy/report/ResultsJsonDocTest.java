package org.scalestudy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsJsonDocTest {

    @Test
    void everyKeyOfResultsJsonIsDocumented() throws IOException {
        // docs/results-json.md is the contract for tools that read results.json; a new record component
        // must not reach the file without a line in the documentation.
        String doc = Files.readString(Path.of("docs/results-json.md"));
        JsonNode results = new ObjectMapper().readTree(ResultsJson.write(Fixtures.study()));
        TreeSet<String> keys = new TreeSet<>();
        collectKeys(results, keys);
        for (String key : keys) {
            assertTrue(doc.contains("| `" + key + "` |"), "docs/results-json.md does not document key " + key);
        }
    }

    private static void collectKeys(JsonNode node, TreeSet<String> keys) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            keys.add(e.getKey());
            collectKeys(e.getValue(), keys);
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collectKeys(element, keys);
            }
        }
    }
}
