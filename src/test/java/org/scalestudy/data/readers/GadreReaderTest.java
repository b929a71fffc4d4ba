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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

/** A two-run release in the layout of Gadre et al. (2024), written by the test. */
class GadreReaderTest {
    @TempDir
    Path dir;

    private final DataReader gadre = new GadreReader();

    static final String METADATA = """
            Eval Task,Task Category,Task Type,#shots,#datapoints,Random baseline,Centered Metric?,Description
            arc_easy,world knowledge,multiple choice,10,2376,25,,"ARC, easy"
            piqa,commonsense,multiple choice,10,1838,50,,PIQA
            """;

    static String model(String name, String dataset, String params, String tokens, double multiplier, String c4) {
        return "{\n  \"name\": \"" + name + "\",\n  \"dataset_name\": \"" + dataset + "\",\n"
                + "  \"hyperparameters\": {\n    \"tokens\": " + tokens + ",\n    \"params\": " + params + ",\n"
                + "    \"params_no_embed\": 1000,\n    \"chinchilla_multiplier\": " + multiplier + "\n  },\n"
                + "  \"results\": [\n"
                + "    {\"loss\": 4.2, \"val_data\": [\"training/eval_data/val_tok_mult/openlm/shard_00000000.tar\"]},\n"
                + "    {\"loss\": " + c4 + ", \"val_data\": [\"training/eval_data/c4_val/shard-{0000000..0000010}.tar\"]},\n"
                + "    {\"loss\": 3.9, \"val_data\": [\"training/eval_data/val_tok_mult/de-en/val_de-en_100.tar\"]}\n"
                + "  ]\n}\n";
    }

    static String eval(String arcEasy, String piqa) {
        return "{\n  \"name\": \"heavy\",\n  \"eval_metrics\": {\n    \"icl\": {\n      \"arc_easy\": " + arcEasy
                + ",\n      \"piqa\": " + piqa + "\n    }\n  }\n}\n";
    }

    void write(String name, String model, String eval) throws Exception {
        Files.writeString(dir.resolve("models/" + name + ".json"), model);
        Files.writeString(dir.resolve("evals/evaluation_" + name + "_heavy.json"), eval);
    }

    @BeforeEach
    void release() throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("evals"));
        Files.writeString(dir.resolve("eval_metadata.csv"), METADATA);
    }

    @Test
    void oneRowPerRunAndTaskWithBaselinesAsFractions() throws Exception {
        write("c4-small-1.0", model("c4-small-1.0", "c4_original", "10000000", "200000000", 1.0, "3.5"), eval("0.3", "0.6"));
        write("c4-small-4.0", model("c4-small-4.0", "c4_original", "10000000", "800000000", 4.0, "3.25"),
                eval("0.32", "0.625"));
        Readers.Result r = read(gadre, dir, dir, Map.of());
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of("run", "dataset", "params", "params_no_embed", "tokens", "multiplier", "tpr", "flops",
                "loss", "loss_c4_val", "loss_de_en", "loss_openlm", "task", "category", "task_type", "shots",
                "accuracy", "baseline"), t.names());
        assertArrayEquals(new String[] {"arc_easy", "piqa", "arc_easy", "piqa"}, texts(t, "task"));
        assertArrayEquals(new double[] {0.3, 0.6, 0.32, 0.625}, numbers(t, "accuracy"));
        // eval_metadata.csv gives 25 and 50 percent.
        assertArrayEquals(new double[] {0.25, 0.5, 0.25, 0.5}, numbers(t, "baseline"));
        // 'loss' is the C4 validation loss (the second result), not the first.
        assertArrayEquals(new double[] {3.5, 3.5, 3.25, 3.25}, numbers(t, "loss"));
        // tokens / params = 20 and 80; 6 N D = 6 * 1e7 * 2e8 = 1.2e16.
        assertArrayEquals(new double[] {20, 20, 80, 80}, numbers(t, "tpr"));
        assertEquals(1.2e16, numbers(t, "flops")[0]);
    }

    @Test
    void perRunWithTheAverageTopOneError() throws Exception {
        write("a", model("a", "rpj", "10000000", "200000000", 1.0, "3.5"), eval("0.3", "0.6"));
        Map<String, ReaderOptions.Value> options = Map.of("per", text("run"),
                "average", new ReaderOptions.Value.Names(List.of("arc_easy", "piqa")));
        Table t = read(gadre, dir, dir, options).read().table();
        assertEquals(1, t.rows());
        // mean of (1 - 0.3) and (1 - 0.6) = 0.55
        assertEquals(0.55, numbers(t, "avg_error")[0], 1e-15);
    }

    @Test
    void reportsBadValuesInTheFileAndLineTheyAreWrittenOn() throws Exception {
        write("a", model("a", "rpj", "10000000", "200000000", 1.0, "3.5"), eval("0.3", "0.6"));
        write("b", model("b", "rpj", "0", "200000000", 1.0, "NaN"), eval("1.2", "null"));
        write("c", model("c", "rpj", "10000000", "200000000", 1.0, "3.4"), eval("0.31", "0.61"));
        Readers.Result r = read(gadre, dir, dir, Map.of());
        // b's loss NaN and its piqa accuracy null are missing values (MissingCells), no problem when read.
        assertEquals(List.of(
                "b.json:6:15 column 'params' (model parameters N): 0 must be > 0",
                "evaluation_b_heavy.json:5:19 column 'accuracy' (an accuracy (a fraction)): 1.2 must be in [0, 1] "
                        + "(an accuracy as a fraction; declare percent(\"column\") for percentages)",
                "c.json:3:19 duplicate run: dataset 'rpj', params 10000000, tokens 200000000, task 'arc_easy' "
                        + "already appears at a.json:3",
                "c.json:3:19 duplicate run: dataset 'rpj', params 10000000, tokens 200000000, task 'piqa' "
                        + "already appears at a.json:3"), problems(r));
    }

    @Test
    void aTaskWithoutBaselineOrARunWithoutEvaluationIsADataError() throws Exception {
        Files.writeString(dir.resolve("models/a.json"), model("a", "rpj", "1", "2", 1.0, "3.5"));
        DataError noEval = assertThrows(DataError.class, () -> read(gadre, dir, dir, Map.of()));
        assertEquals("no evaluation file for this run: expected evals/evaluation_a_heavy.json", noEval.getMessage());
        Files.writeString(dir.resolve("evals/evaluation_a_heavy.json"),
                "{\"eval_metrics\": {\"icl\": {\"arc_easy\": 0.3, \"mystery\": 0.1}}}");
        DataError noBaseline = assertThrows(DataError.class, () -> read(gadre, dir, dir, Map.of()));
        assertEquals("task 'mystery' has no row in eval_metadata.csv, so its random baseline is unknown",
                noBaseline.getMessage());
        OptionError unknownTask = assertThrows(OptionError.class, () -> read(gadre, dir, dir,
                Map.of("tasks", new ReaderOptions.Value.Names(List.of("arc_esay")))));
        assertEquals("no task 'arc_esay' in eval_metadata.csv; columns: arc_easy, piqa", unknownTask.getMessage());
    }
}
