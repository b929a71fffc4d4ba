package org.scalestudy.data.readers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.scalestudy.data.DataError;

/**
 * One JSON document with the line, column and text of every scalar in it (by JSON pointer), so a
 * value can be reported where it is written. NaN and Infinity are accepted as numbers (Python's
 * {@code json} writes them) and then reported by the row checks.
 */
record JsonFile(Path path, JsonNode root, Map<String, CellSource> scalars) {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    /** @param firstLine the line of the file the text starts on (JSON Lines: the record's line) */
    static JsonFile parse(Path path, String text, int firstLine) throws DataError {
        Map<String, CellSource> scalars = new HashMap<>();
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t.isScalarValue()) {
                    JsonLocation at = p.currentTokenLocation();
                    String raw = t == JsonToken.VALUE_NULL ? null : p.getText();
                    scalars.put(p.getParsingContext().pathAsPointer().toString(),
                            new CellSource(path, firstLine - 1 + at.getLineNr(), at.getColumnNr(), raw));
                }
            }
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DataError(path, at == null ? firstLine : firstLine - 1 + Math.max(at.getLineNr(), 1),
                    at == null ? 0 : Math.max(at.getColumnNr(), 0), "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DataError(path, firstLine, 0, "cannot read JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new DataError(path, firstLine, 0, "no JSON value here");
        }
        return new JsonFile(path, root, scalars);
    }

    /** The source of the scalar at a JSON pointer, or the document's start when it is absent. */
    CellSource source(String pointer) {
        CellSource s = scalars.get(pointer);
        return s != null ? s : new CellSource(path, scalars.values().stream().mapToInt(CellSource::line).min()
                .orElse(1), 0, null);
    }

    /** A JSON scalar as a table value: a number (Double), text, or null for null / absent. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return Double.isNaN(node.doubleValue()) ? null : node.doubleValue(); // NaN is missing (MissingCells)
        }
        if (node.isTextual()) {
            return MissingCells.isMissing(node.textValue()) ? null : node.textValue();
        }
        return node.toString();
    }
}
