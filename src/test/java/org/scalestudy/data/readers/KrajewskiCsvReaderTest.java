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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

class KrajewskiCsvReaderTest {
    @TempDir
    Path dir;

    private final DataReader krajewski = new KrajewskiCsvReader();

    @Test
    void derivesParamsFlopsAndRunNamesWhenTheFileHasNone() throws Exception {
        Path f = dir.resolve("long.csv");
        Files.writeString(f, """
                tokens,benchmark,metric_type,score,tpr
                2e9,arc_easy,acc,0.41,20
                2e9,arc_easy,acc_norm,0.43,20
                2e9,c4,loss,3.2,20
                """);
        Readers.Result r = read(krajewski, f, dir, Map.of());
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of("run", "tokens", "benchmark", "metric_type", "score", "tpr", "params", "flops", "metric",
                "k"), t.names());
        // N = D / tpr = 2e9 / 20 = 1e8; C = 6 N D = 1.2e18.
        assertArrayEquals(new double[] {1e8, 1e8, 1e8}, numbers(t, "params"));
        assertArrayEquals(new double[] {1.2e18, 1.2e18, 1.2e18}, numbers(t, "flops"));
        assertArrayEquals(new String[] {"N=1.00e+08 D=2.00e+09", "N=1.00e+08 D=2.00e+09", "N=1.00e+08 D=2.00e+09"},
                texts(t, "run"));
    }

    @Test
    void reportsEveryKindOfBadRow() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, String.join("\n",
                "tokens,benchmark,metric_type,score,tpr,params",
                "2e9,arc_easy,acc,0.41,20,1e8",
                "2e9,arc_easy,acc_norm,1.4,20,1e8",
                "2e9,c4,loss,3.2,20,1e8",
                "2e9,piqa,acc,,20,1e8",
                "2e9,hellaswag,acc,0.3,0,1e8",
                "2e9,boolq,acc,n/a,20,-1e8",
                "4e9,winogrande,acc,inf,40,1e8",
                "4e9,humaneval,pass@16,1.01,40,1e8",
                "4e9,arc_easy,brier,1.37,40,1e8",
                ""));
        Readers.Result r = read(krajewski, f, dir, Map.of());
        // An accuracy (acc_norm, pass@16) above 1 is an error; a Brier score of 1.37 and a loss of 3.2 are
        // not accuracies; the empty score at line 5 and "n/a" at line 7 are missing values, not errors.
        assertEquals(List.of(
                "bad.csv:3:4 column 'score' (a benchmark score): 1.4 must be in [0, 1] (the row's metric is an "
                        + "accuracy)",
                "bad.csv:6:5 column 'tpr' (tokens per parameter): 0 must be > 0",
                "bad.csv:7:6 column 'params' (model parameters N): -100000000 must be > 0",
                "bad.csv:8:4 column 'score' (a benchmark score): inf is not finite",
                "bad.csv:9:4 column 'score' (a benchmark score): 1.01 must be in [0, 1] (the row's metric is an "
                        + "accuracy)"), problems(r));
    }

    @Test
    void duplicatesAreErrorsWhenTheStudySaysSo() throws Exception {
        Path f = dir.resolve("dup.csv");
        Files.writeString(f, "tokens,benchmark,metric_type,score,tpr,params\n2e9,arc_easy,acc,0.41,20,1e8\n"
                + "2e9,arc_easy,acc,0.42,20,1e8\n");
        Readers.Result r = read(krajewski, f, dir, Map.of("duplicates", text("error")));
        assertEquals(List.of("dup.csv:3:6 duplicate run: params 100000000, tokens 2000000000, benchmark 'arc_easy', "
                + "metric_type 'acc' already appears at dup.csv:2"), problems(r));
        assertEquals(List.of(), r.warnings());
        OptionError bad = assertThrows(OptionError.class, () -> read(krajewski, f, dir,
                Map.of("duplicates", text("newest"))));
        assertEquals("duplicates", bad.option());
        assertEquals("option 'duplicates' is \"last\" (keep the later row), \"first\" (keep the earlier) or "
                + "\"error\"; not 'newest'", bad.getMessage());
    }

    @Test
    void aMissingRequiredColumnIsReportedAtTheHeader() throws Exception {
        Path f = dir.resolve("short.csv");
        Files.writeString(f, "tokens,benchmark,score,tpr\n1,a,0.5,20\n");
        DataError e = assertThrows(DataError.class, () -> read(krajewski, f, dir, Map.of()));
        assertEquals(1, e.line());
        assertEquals("no column 'metric_type' in the header; a Krajewski et al. long CSV has tokens, benchmark, "
                + "metric_type, score, tpr (and optionally flops, params)", e.getMessage());
    }

    /**
     * Which metrics are held to [0, 1]: every metric name of the Krajewski release's head and of
     * lm-evaluation-harness's test files, sorted by the rule of {@link Role#accuracyLike}.
     */
    @Test
    void onlyAccuracyLikeMetricsAreFractions() {
        for (String accuracy : List.of("acc", "acc_norm", "accuracy", "exact_match", "pass@1", "pass@128",
                "prompt_level_strict_acc", "f1", "mc2", "em")) {
            assertEquals(true, Role.accuracyLike(accuracy), accuracy);
        }
        for (String other : List.of("acc_stderr", "acc_norm_stderr", "pass@16_stderr", "exact_match_stderr", "brier",
                "loglikelihood", "neg_loglikelihood_norm", "perplexity", "word_perplexity", "bits_per_byte",
                "cross_entropy_loss", "loss", "z_loss", "n_syntaxerror", "n_ok", "train_live_targets", "sample_len",
                "sympy_equiv")) {
            assertEquals(false, Role.accuracyLike(other), other);
        }
    }
}
