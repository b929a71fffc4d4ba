package org.scalestudy.data.readers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/**
 * {@code jsonl("runs.jsonl", role: "key", ...)}: JSON Lines, one JSON object per line (blank lines
 * skipped), one row per object. Nested objects are flattened with dots ({@code {"eval": {"acc": 0.5}}}
 * gives the column {@code eval.acc}, to be mapped to a role or renamed with {@code let}); arrays and
 * booleans become text. A key absent from a line is a missing value. The study's column mapping
 * applies as for {@code csv} ({@link ColumnMapping}).
 */
public final class JsonLinesReader implements DataReader {
    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public Map<String, String> options() {
        return ColumnMapping.options();
    }

    @Override
    public ReadTable read(Path path, DataSandbox sandbox, ReaderOptions options) throws DataError, OptionError {
        String text = TextFiles.read(path);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        TableBuilder builder = new TableBuilder();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            JsonFile json = JsonFile.parse(path, lines[i], line);
            if (!json.root().isObject()) {
                throw new DataError(path, line, 1, "each line must be one JSON object ({\"name\": value, ...}), "
                        + "not " + json.root().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            builder.row(line);
            flatten(json, json.root(), "", "", builder);
        }
        if (builder.rows() == 0) {
            throw new DataError(path, 1, 0, "the file has no JSON object; expected one per line");
        }
        ReadTable raw = builder.build(Map.of(), List.of(), null, List.of(path));
        ReadTable filled = fillAbsent(raw, path);
        return ColumnMapping.apply(filled, options);
    }

    private static void flatten(JsonFile json, JsonNode node, String prefix, String pointer, TableBuilder builder) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            String at = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
            if (f.getValue().isObject()) {
                flatten(json, f.getValue(), name, at, builder);
            } else {
                CellSource src = f.getValue().isValueNode() ? json.source(at)
                        : new CellSource(json.path(), json.source(at).line(), 0, f.getValue().toString());
                builder.set(name, JsonFile.value(f.getValue()), src);
            }
        }
    }

    /** Gives cells a line that has no such key a source on that line, so "missing" points at it. */
    private static ReadTable fillAbsent(ReadTable raw, Path path) {
        for (CellSource[] column : raw.sources().values()) {
            for (int r = 0; r < column.length; r++) {
                if (column[r] == null) {
                    column[r] = new CellSource(path, raw.table().sourceLine(r), 0, null);
                }
            }
        }
        return raw;
    }
}
