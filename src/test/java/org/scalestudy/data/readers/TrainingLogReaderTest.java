package org.scalestudy.data.readers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalestudy.data.readers.ReaderTestSupport.format;
import static org.scalestudy.data.readers.ReaderTestSupport.numbers;
import static org.scalestudy.data.readers.ReaderTestSupport.problems;
import static org.scalestudy.data.readers.ReaderTestSupport.read;
import static org.scalestudy.data.readers.ReaderTestSupport.text;
import static org.scalestudy.data.readers.ReaderTestSupport.texts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

class TrainingLogReaderTest {
    @TempDir
    Path dir;

    private final DataReader reader = new TrainingLogReader();
    private static final String HEADER = "_step,eval/downstream_bpb/piqa_val_rc_5shot_bpb,"
            + "eval/downstream/piqa_val_rc_5shot_len_norm,eval/downstream_bpb/boolq_val_rc_5shot_bpb,"
            + "eval/downstream/boolq_val_rc_5shot_acc,throughput/total_tokens\n";

    @BeforeEach
    void logs() throws Exception {
        Files.createDirectories(dir.resolve("runs"));
        // Ten checkpoints of a 10M run at 1xC: bpb falls 2.0, 1.9, ..., 1.1; accuracy rises 0.50 ... 0.59;
        // the 9th checkpoint's accuracy is empty (not evaluated).
        StringBuilder small = new StringBuilder(HEADER);
        for (int i = 0; i < 10; i++) {
            small.append(100 * (i + 1)).append(',').append(2.0 - 0.1 * i).append(',')
                    .append(i == 8 ? "" : Double.toString(0.50 + 0.01 * i)).append(",1.5,0.6,")
                    .append(1000 * (i + 1)).append('\n');
        }
        Files.writeString(dir.resolve("runs/10M-1xC.csv"), small.toString());
        Files.writeString(dir.resolve("runs/20M-0.5xC.csv"), HEADER + "10,1.2,0.7,1.4,0.6,500\n20,1.0,0.8,1.3,0.6,900\n");
        Files.writeString(dir.resolve("runs/notes.txt"), "not a run\n");
    }

    private Map<String, ReaderOptions.Value> options(Object... kv) {
        Map<String, ReaderOptions.Value> out = new HashMap<>();
        out.put("files", text("{size}-{multiplier}xC.csv"));
        out.put("params", text("10M: 1e7, 20M: 2e7"));
        out.put("accuracy", text("eval/downstream/{task}_rc_5shot_len_norm"));
        out.put("loss", text("eval/downstream_bpb/{task}_rc_5shot_bpb"));
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], kv[i + 1] instanceof Double d ? new ReaderOptions.Value.Number(d)
                    : text((String) kv[i + 1]));
        }
        return out;
    }

    @Test
    void fileNameAttributesParamsTableAndOneRowPerTaskReducedToTheLastCheckpoint() throws Exception {
        Readers.Result r = read(reader, dir.resolve("runs"), dir, options());
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of("run", "size", "multiplier", "params", "tokens", "flops", "checkpoints", "task",
                "accuracy", "loss"), t.names());
        // Files in name order: 10M-1xC, 20M-0.5xC; boolq has no _len_norm column, so only piqa_val.
        assertArrayEquals(new String[] {"10M-1xC", "20M-0.5xC"}, texts(t, "run"));
        assertArrayEquals(new String[] {"10M", "20M"}, texts(t, "size"));
        assertArrayEquals(new double[] {1, 0.5}, numbers(t, "multiplier"));
        assertArrayEquals(new double[] {1e7, 2e7}, numbers(t, "params"));
        // D: the tokens column at the last checkpoint (10,000 and 900); flops 6 N D.
        assertArrayEquals(new double[] {10000, 900}, numbers(t, "tokens"));
        assertArrayEquals(new double[] {6 * 1e7 * 10000, 6 * 2e7 * 900}, numbers(t, "flops"));
        assertArrayEquals(new double[] {10, 2}, numbers(t, "checkpoints"));
        // last: bpb 2.0 - 0.9 = 1.1 at the 10th checkpoint, accuracy 0.59 (the 9th is empty but not the last).
        assertArrayEquals(new double[] {2.0 - 0.1 * 9, 1.0}, numbers(t, "loss"), 1e-15);
        assertArrayEquals(new double[] {0.50 + 0.01 * 9, 0.8}, numbers(t, "accuracy"), 1e-15);
        // boolq's bpb column without an accuracy column: one warning for its two columns in two files.
        assertEquals(1, r.warnings().size());
        assertTrue(format(r.warnings().get(0)).startsWith("10M-1xC.csv:1:4 left out 2 task columns of tasks without "
                + "a column for each of accuracy, loss"), format(r.warnings().get(0)));
    }

    @Test
    void meanOfTheLastPercentSkipsEmptyCells() throws Exception {
        Table t = read(reader, dir.resolve("runs"), dir, options("reduce", "mean_last", "percent", 25.0))
                .read().table();
        // 10M: the accuracy has 9 values (the 9th checkpoint's is empty), ceil(25 * 9 / 100) = 3: the values of
        // checkpoints 7, 8 and 10, (0.56 + 0.57 + 0.59) / 3; the loss has 10, ceil(2.5) = 3: (1.3 + 1.2 + 1.1) / 3.
        // 20M: two checkpoints, ceil(0.5) = 1: the last.
        assertArrayEquals(new double[] {(0.56 + 0.57 + 0.59) / 3, 0.8}, numbers(t, "accuracy"), 1e-12);
        assertArrayEquals(new double[] {(1.3 + 1.2 + 1.1) / 3, 1.0}, numbers(t, "loss"), 1e-12);
    }

    @Test
    void movingAverageIsTheMeanOfTheLastWindowValues() throws Exception {
        Table t = read(reader, dir.resolve("runs"), dir, options("reduce", "moving_average", "window", 4.0))
                .read().table();
        // 10M: the last 4 losses 1.4, 1.3, 1.2, 1.1; 20M has 2 checkpoints, fewer than the window: their mean.
        assertArrayEquals(new double[] {1.25, 1.1}, numbers(t, "loss"), 1e-12);
    }

    @Test
    void longRowsByTaskAndMetricWithScore() throws Exception {
        Map<String, ReaderOptions.Value> o = options();
        o.remove("accuracy");
        o.remove("loss");
        o.put("score", text("eval/downstream/{task}_rc_5shot_{metric}"));
        Table t = read(reader, dir.resolve("runs"), dir, o).read().table();
        assertArrayEquals(new String[] {"piqa_val", "boolq_val", "piqa_val", "boolq_val"}, texts(t, "task"));
        assertArrayEquals(new String[] {"len_norm", "acc", "len_norm", "acc"}, texts(t, "metric"));
        assertArrayEquals(new double[] {0.59, 0.6, 0.8, 0.6}, numbers(t, "score"), 1e-15);
    }

    @Test
    void aCellThatIsNotANumberIsReportedAtItsFileLineAndColumn() throws Exception {
        Files.writeString(dir.resolve("runs/20M-0.5xC.csv"), HEADER + "10,1.2,0.7,1.4,0.6,500\n20,1.0,oops,1.3,0.6,900\n");
        DataError e = assertThrows(DataError.class, () -> read(reader, dir.resolve("runs"), dir, options()));
        // Line 3 (the second checkpoint), field 3 (the piqa accuracy column).
        assertEquals("20M-0.5xC.csv:3:3 expected a number (a metric of this checkpoint) or a missing value (an empty cell, NA, N/A, NaN or null), found 'oops'",
                format(e));
    }

    @Test
    void optionsAreChecked() {
        OptionError noTask = assertThrows(OptionError.class, () -> read(reader, dir.resolve("runs"), dir,
                options("accuracy", "eval/downstream/piqa_len_norm")));
        assertEquals("accuracy", noTask.option());
        OptionError window = assertThrows(OptionError.class, () -> read(reader, dir.resolve("runs"), dir,
                options("reduce", "moving_average", "window", 2.5)));
        assertEquals("option 'window' is a whole number of checkpoints >= 1, not 2.5", window.getMessage());
        OptionError reduce = assertThrows(OptionError.class, () -> read(reader, dir.resolve("runs"), dir,
                options("reduce", "median")));
        assertEquals("option 'reduce' is \"last\", \"mean_last\" or \"moving_average\", not \"median\"",
                reduce.getMessage());
    }

    @Test
    void aSizeWithoutAParameterCountIsLeftOutWithOneWarning() throws Exception {
        Readers.Result r = read(reader, dir.resolve("runs"), dir, options("params", "10M: 1e7"));
        assertArrayEquals(new String[] {"10M-1xC"}, texts(r.read().table(), "run"));
        assertTrue(r.warnings().stream().anyMatch(w -> format(w).equals("20M-0.5xC.csv:0:0 left out 1 runs whose size "
                + "has no parameter count in option 'params'; the first is here: 20M-0.5xC.csv")),
                r.warnings().stream().map(ReaderTestSupport::format).toList().toString());
    }

    /** The OLMo ladder's files as released (studies/published/data/olmo-ladder/, byte for byte). */
    @Test
    void theOlmoLadderUnmodifiedThroughItsManifest() throws Exception {
        Path root = Path.of("studies/published/data/olmo-ladder");
        Map<String, ReaderOptions.Value> o = new HashMap<>();
        o.put("manifest", text("final.json"));
        o.put("accuracy", text("eval/downstream/{task}_rc_5shot_len_norm"));
        o.put("loss", text("eval/downstream_bpb/{task}_rc_5shot_bpb"));
        o.put("tasks", new ReaderOptions.Value.Names(List.of("hellaswag_val")));
        Readers.Result r = read(reader, root.resolve("peteish-moreeval"), root, o);
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        // final.json: 16 ladder runs (4 sizes x 4 multipliers) then the 7B and 13B targets.
        assertEquals(18, t.rows());
        String[] runs = texts(t, "run");
        assertEquals("190M-1xC", runs[0]);
        assertEquals("peteish7_eval_anneal", runs[16]);
        assertEquals("peteish13_eval_final", runs[17]);
        assertEquals("eval", texts(t, "mode")[16]);
        // n of final.json's "7B-4T" and "13B-5T" entries.
        assertEquals(6887575552.0, numbers(t, "params")[16]);
        assertEquals(13202396160.0, numbers(t, "params")[17]);
        // 7B: one row whose first column is throughput/total_tokens = 3945065873408 (head of the file);
        // 13B: no tokens column, D = _step 596057 x batch_size_in_tokens 8388608 at the last checkpoint.
        assertEquals(3945065873408.0, numbers(t, "tokens")[16]);
        assertEquals(596057.0 * 8388608, numbers(t, "tokens")[17]);
        assertEquals(1, numbers(t, "checkpoints")[16]);
        assertEquals(12, numbers(t, "checkpoints")[17]);
    }
}
