package org.scalestudy.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scalestudy.data.readers.ReaderTestSupport.numbers;
import static org.scalestudy.data.readers.ReaderTestSupport.problems;
import static org.scalestudy.data.readers.ReaderTestSupport.read;
import static org.scalestudy.data.readers.ReaderTestSupport.text;
import static org.scalestudy.data.readers.ReaderTestSupport.texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

class JsonLinesReaderTest {
    @TempDir
    Path dir;

    private final DataReader jsonl = new JsonLinesReader();

    private static Map<String, ReaderOptions.Value> mapping() {
        Map<String, ReaderOptions.Value> m = new LinkedHashMap<>();
        m.put("run", text("id"));
        m.put("params", text("n"));
        m.put("accuracy", text("eval.acc"));
        return m;
    }

    @Test
    void oneRowPerObjectWithNestedKeysFlattened() throws Exception {
        Path f = dir.resolve("runs.jsonl");
        Files.writeString(f, "{\"id\": \"a\", \"n\": 1e8, \"eval\": {\"acc\": 0.5}}\n\n"
                + "{\"id\": \"b\", \"n\": 4e8, \"eval\": {\"acc\": 0.625}, \"tags\": [1, 2]}\n");
        Readers.Result r = read(jsonl, f, dir, mapping());
        Table t = r.read().table();
        assertEquals(List.of("run", "params", "accuracy", "tags"), t.names());
        assertArrayEquals(new double[] {1e8, 4e8}, numbers(t, "params"));
        assertArrayEquals(new double[] {0.5, 0.625}, numbers(t, "accuracy"));
        assertArrayEquals(new String[] {"", "[1,2]"}, texts(t, "tags"));
        // Rows keep the line of their object: lines 1 and 3 (line 2 is blank).
        assertEquals(3, t.sourceLine(1));
        assertEquals(List.of(), problems(r));
    }

    @Test
    void reportsEveryKindOfBadRowAtItsLineAndValue() throws Exception {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"id\": \"a\", \"n\": 1e8, \"eval\": {\"acc\": 0.5}}",
                "{\"id\": \"b\", \"eval\": {\"acc\": 0.5}}",
                "{\"id\": \"c\", \"n\": \"many\", \"eval\": {\"acc\": 0.5}}",
                "{\"id\": \"d\", \"n\": NaN, \"eval\": {\"acc\": 0.5}}",
                "{\"id\": \"e\", \"n\": Infinity, \"eval\": {\"acc\": 0.5}}",
                "{\"id\": \"f\", \"n\": -3, \"eval\": {\"acc\": 0.5}}",
                "{\"id\": \"g\", \"n\": 1e8, \"eval\": {\"acc\": -0.1}}",
                "{\"id\": \"a\", \"n\": 2e8, \"eval\": {\"acc\": 0.5}}",
                "{\"id\": null, \"n\": 2e8, \"eval\": {\"acc\": 0.5}}",
                ""));
        Readers.Result r = read(jsonl, f, dir, mapping());
        // Columns are 1-based character positions of the value on its line: "n": values start at 18.
        // The absent "n" (line 2), NaN (line 4) and the null id (line 9) are missing values (MissingCells).
        assertEquals(List.of(
                "bad.jsonl:3:18 column 'params' (model parameters N): 'many' is not a number",
                "bad.jsonl:5:18 column 'params' (model parameters N): Infinity is not finite",
                "bad.jsonl:6:18 column 'params' (model parameters N): -3 must be > 0",
                "bad.jsonl:7:39 column 'accuracy' (an accuracy (a fraction)): -0.1 must be in [0, 1] (an accuracy "
                        + "as a fraction; declare percent(\"column\") for percentages)",
                "bad.jsonl:8:8 duplicate run: run 'a' already appears at bad.jsonl:1"), problems(r));
    }

    @Test
    void aLineThatIsNotAnObjectOrNotJsonIsADataError() throws Exception {
        Path f = dir.resolve("x.jsonl");
        Files.writeString(f, "{\"a\": 1}\n[1, 2]\n");
        DataError notObject = assertThrows(DataError.class, () -> read(jsonl, f, dir, Map.of()));
        assertEquals(2, notObject.line());
        assertEquals("each line must be one JSON object ({\"name\": value, ...}), not array", notObject.getMessage());
        Files.writeString(f, "{\"a\": 1}\n{\"a\": 1,,}\n");
        DataError broken = assertThrows(DataError.class, () -> read(jsonl, f, dir, Map.of()));
        assertEquals(2, broken.line());
        assertEquals(true, broken.getMessage().startsWith("not valid JSON: "), broken.getMessage());
    }
}
