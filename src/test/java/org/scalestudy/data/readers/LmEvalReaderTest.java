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

class LmEvalReaderTest {
    @TempDir
    Path dir;

    private final DataReader lmEval = new LmEvalReader();

    static String results(String arcAcc, String ppl) {
        return "{\n  \"results\": {\n    \"arc_easy\": {\n      \"alias\": \"arc_easy\",\n"
                + "      \"acc,none\": " + arcAcc + ",\n      \"acc_stderr,none\": 0.01,\n"
                + "      \"acc_norm,none\": 0.5\n    },\n    \"lambada_openai\": {\n"
                + "      \"perplexity,none\": " + ppl + ",\n      \"perplexity_stderr,none\": \"N/A\"\n    }\n  },\n"
                + "  \"config\": {\"model\": \"hf\"}\n}\n";
    }

    @BeforeEach
    void files() throws Exception {
        Files.createDirectories(dir.resolve("results"));
        Files.writeString(dir.resolve("results/small.json"), results("0.45", "40.5"));
        Files.writeString(dir.resolve("results/large.json"), results("0.6", "12.25"));
    }

    @Test
    void oneRowPerRunTaskAndMetricWithTheManifestsColumns() throws Exception {
        Files.writeString(dir.resolve("runs.csv"), "file,params,tokens,dataset\nsmall.json,1e8,2e9,web\n"
                + "large.json,4e8,8e9,web\n");
        Readers.Result r = read(lmEval, dir.resolve("results"), dir, Map.of("manifest", text("runs.csv")));
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of("run", "file", "params", "tokens", "dataset", "task", "metric", "filter", "score"),
                t.names());
        // Per file: acc and acc_norm of arc_easy, perplexity of lambada; stderr and alias are skipped.
        assertArrayEquals(new String[] {"small", "small", "small", "large", "large", "large"}, texts(t, "run"));
        assertArrayEquals(new String[] {"acc", "acc_norm", "perplexity", "acc", "acc_norm", "perplexity"},
                texts(t, "metric"));
        assertArrayEquals(new double[] {0.45, 0.5, 40.5, 0.6, 0.5, 12.25}, numbers(t, "score"));
        assertArrayEquals(new double[] {1e8, 1e8, 1e8, 4e8, 4e8, 4e8}, numbers(t, "params"));
        assertEquals("none", texts(t, "filter")[0]);
    }

    @Test
    void reportsBadManifestValuesScoresAndDuplicateRuns() throws Exception {
        Files.writeString(dir.resolve("results/bad.json"), results("1.5", "NaN"));
        Files.writeString(dir.resolve("runs.csv"), "file,params,tokens,run\nsmall.json,1e8,0,s\n"
                + "bad.json,4e8,8e9,b\nlarge.json,4e8,8e9,s\n");
        Readers.Result r = read(lmEval, dir.resolve("results"), dir, Map.of("manifest", text("runs.csv")));
        assertEquals(List.of(
                "runs.csv:2:3 column 'tokens' (training tokens D): 0 must be > 0",
                "bad.json:5:19 column 'score' (a benchmark score): 1.5 must be in [0, 1] (the row's metric is an "
                        + "accuracy)",
                "runs.csv:4:4 duplicate run: run 's', task 'arc_easy', metric 'acc', filter 'none' already appears "
                        + "at runs.csv:2",
                "runs.csv:4:4 duplicate run: run 's', task 'arc_easy', metric 'acc_norm', filter 'none' already "
                        + "appears at runs.csv:2",
                "runs.csv:4:4 duplicate run: run 's', task 'lambada_openai', metric 'perplexity', filter 'none' "
                        + "already appears at runs.csv:2"), problems(r));
    }

    @Test
    void theManifestIsRequiredAndMustNameExistingFiles() throws Exception {
        OptionError none = assertThrows(OptionError.class, () -> read(lmEval, dir.resolve("results"), dir, Map.of()));
        assertEquals(true, none.getMessage().startsWith("lm_eval needs a manifest"), none.getMessage());
        Files.writeString(dir.resolve("runs.csv"), "file,params,tokens\nmissing.json,1e8,2e9\n");
        DataError missing = assertThrows(DataError.class,
                () -> read(lmEval, dir.resolve("results"), dir, Map.of("manifest", text("runs.csv"))));
        assertEquals(2, missing.line());
        assertEquals(1, missing.field());
        assertEquals("no such result file: missing.json (in results/)", missing.getMessage());
    }

    /**
     * The two result files from lm-evaluation-harness's own test suite, read as they are
     * (src/test/resources/data/lm-eval-harness, see its PROVENANCE.md): the current format with "N/A"
     * standard errors and the non-metric fields alias, name and sample_len (10, a count, which must not be
     * read as a score), and the old format.
     */
    @Test
    void theHarnesssOwnResultFilesReadAsTheyAre() throws Exception {
        Path harness = Path.of("src/test/resources/data/lm-eval-harness").toAbsolutePath();
        Files.writeString(dir.resolve("runs.csv"), "file,params,tokens,run\ncpu_regression_expected.json,1e8,2e9,"
                + "current\narc_easy-v0-res.json,4e8,8e9,old\n");
        Readers.Result r = read(lmEval, harness, dir, Map.of("manifest", text("runs.csv")));
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertArrayEquals(new String[] {"current", "current", "current", "current", "current", "current", "current",
                "old", "old"}, texts(t, "run"));
        assertArrayEquals(new String[] {"arc_easy", "arc_easy", "lambada_openai", "lambada_openai", "wikitext",
                "wikitext", "wikitext", "arc_easy", "arc_easy"}, texts(t, "task"));
        assertArrayEquals(new String[] {"acc", "acc_norm", "acc", "perplexity", "bits_per_byte", "byte_perplexity",
                "word_perplexity", "acc", "acc_norm"}, texts(t, "metric"));
        assertArrayEquals(new String[] {"none", "none", "none", "none", "none", "none", "none", "", ""},
                texts(t, "filter"));
        // The values as written in the files; a perplexity of 605.5 is not an accuracy, so it is no error.
        assertArrayEquals(new double[] {0.3, 0.1, 0.1, 605.5452047779999, 1.3393660745008342, 2.530401076099876,
                130.4813590639406, 0.2474747474747475, 0.24074074074074073}, numbers(t, "score"));
        // Each row points at its score's line in its file: "acc,none": 0.3 is on line 39.
        assertEquals(39, t.sourceLine(0));
        assertEquals(64, t.sourceLine(6));
    }
}
