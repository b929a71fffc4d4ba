package org.scalestudy.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.scalestudy.data.readers.ReaderTestSupport.numbers;
import static org.scalestudy.data.readers.ReaderTestSupport.problems;
import static org.scalestudy.data.readers.ReaderTestSupport.read;
import static org.scalestudy.data.readers.ReaderTestSupport.text;
import static org.scalestudy.data.readers.ReaderTestSupport.texts;
import static org.scalestudy.data.readers.ReaderTestSupport.unit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

class CsvTableReaderTest {
    @TempDir
    Path dir;

    private final DataReader csv = new CsvTableReader();

    /** The mapping of the tests: a run name, N as written, D in billions, accuracy in percent. */
    private static Map<String, ReaderOptions.Value> mapping() {
        Map<String, ReaderOptions.Value> m = new LinkedHashMap<>();
        m.put("run", text("name"));
        m.put("params", text("Model Size"));
        m.put("tokens", unit("D_b", "billions"));
        m.put("accuracy", unit("acc", "percent"));
        return m;
    }

    @Test
    void mapsColumnsToRolesInPlaceAndConvertsUnits() throws Exception {
        Path f = dir.resolve("runs.csv");
        Files.writeString(f, "name,Model Size,D_b,acc,note\na,1e8,2,55,x\nb,4e8,8.5,70,\n");
        Readers.Result r = read(csv, f, dir, mapping());
        Table t = r.read().table();
        assertEquals(List.of("run", "params", "tokens", "accuracy", "note"), t.names());
        assertArrayEquals(new double[] {1e8, 4e8}, numbers(t, "params"));
        // 2 and 8.5 billion tokens; 55% and 70% as fractions (divided by 100, so exactly 0.55 and 0.7).
        assertArrayEquals(new double[] {2e9, 8.5e9}, numbers(t, "tokens"));
        assertArrayEquals(new double[] {0.55, 0.7}, numbers(t, "accuracy"));
        assertArrayEquals(new String[] {"a", "b"}, texts(t, "run"));
        assertEquals(List.of(), problems(r));
    }

    @Test
    void withoutMappingNothingIsCheckedAndTheTableIsTheFile() throws Exception {
        Path f = dir.resolve("plain.csv");
        Files.writeString(f, "run,params\na,0\na,-1\n");
        Readers.Result r = read(csv, f, dir, Map.of());
        assertEquals(List.of(), problems(r));
        assertArrayEquals(new double[] {0, -1}, numbers(r.read().table(), "params"));
    }

    @Test
    void reportsEveryKindOfBadRowAtItsLineAndField() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, String.join("\n",
                "name,Model Size,D_b,acc",
                "a,1e8,2,55",
                "b,,2,50",
                "c,abc,2,50",
                "d,nan,2,50",
                "e,1e8,inf,50",
                "f,0,2,50",
                "g,1e8,-1,50",
                "h,1e8,2,150",
                "a,2e8,2,60",
                ",1e8,2,50",
                ""));
        Readers.Result r = read(csv, f, dir, mapping());
        // The empty cell (line 3), "nan" (line 5) and the empty run name (line 11) are missing values
        // (MissingCells): no problem when read, a 'where' may drop their rows.
        assertEquals(List.of(
                "bad.csv:4:2 column 'params' (model parameters N): 'abc' is not a number",
                "bad.csv:6:3 column 'tokens' (training tokens D): inf is not finite",
                "bad.csv:7:2 column 'params' (model parameters N): 0 must be > 0",
                "bad.csv:8:3 column 'tokens' (training tokens D): -1000000000 must be > 0",
                "bad.csv:9:4 column 'accuracy' (an accuracy (a fraction)): 1.5 must be in [0, 1] (an accuracy as a "
                        + "fraction; declare percent(\"column\") for percentages)",
                "bad.csv:10:1 duplicate run: run 'a' already appears at bad.csv:2"), problems(r));
    }

    @Test
    void keyNamesTheColumnsOfARow() throws Exception {
        Path f = dir.resolve("long.csv");
        Files.writeString(f, "run,task,acc\na,x,0.5\na,y,0.6\na,x,0.7\n");
        Map<String, ReaderOptions.Value> m = new LinkedHashMap<>();
        m.put("run", text("run"));
        m.put("accuracy", text("acc"));
        m.put("key", text("run, task"));
        Readers.Result r = read(csv, f, dir, m);
        assertEquals(List.of("long.csv:4:1 duplicate run: run 'a', task 'x' already appears at long.csv:2"),
                problems(r));
    }

    @Test
    void aMappingToAnAbsentColumnNamesTheColumnsThereAre() throws Exception {
        Path f = dir.resolve("runs.csv");
        Files.writeString(f, "N,D\n1,2\n");
        OptionError e = assertThrows(OptionError.class, () -> read(csv, f, dir, Map.of("params", text("n"))));
        assertEquals("params", e.option());
        assertEquals("no column 'n' in the file; did you mean 'N'?", e.getMessage());
        Map<String, ReaderOptions.Value> twice = new LinkedHashMap<>();
        twice.put("params", text("D"));
        twice.put("tokens", text("D"));
        OptionError taken = assertThrows(OptionError.class, () -> read(csv, dir.resolve("runs.csv"), dir, twice));
        assertEquals("column 'D' already has the role 'params'", taken.getMessage());
    }

    @Test
    void aBrokenFileIsADataErrorInThatFile() throws Exception {
        Path f = dir.resolve("ragged.csv");
        Files.writeString(f, "a,b\n1\n");
        DataError e = assertThrows(DataError.class, () -> read(csv, f, dir, Map.of()));
        assertEquals(f, e.file());
        assertEquals(2, e.line());
        assertEquals("this row has 1 field; the header names 2 columns", e.getMessage());
    }
}
