package org.scalestudy.data.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.scalestudy.data.readers.ReaderTestSupport.numbers;
import static org.scalestudy.data.readers.ReaderTestSupport.problems;
import static org.scalestudy.data.readers.ReaderTestSupport.read;
import static org.scalestudy.data.readers.ReaderTestSupport.text;
import static org.scalestudy.data.readers.ReaderTestSupport.texts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;

/**
 * {@code krajewski_csv} on the release of Krajewski et al. (2025) as released: the DCLM-mixture file (the
 * 6,900-row extract and the verbatim 833-row head in {@code studies/published/data/krajewski2025/}) and the
 * C4-mixture file (two verbatim pieces in {@code src/test/resources/data/krajewski2025-c4/}, see its
 * PROVENANCE.md). Every expected value below was read off the files themselves.
 */
class KrajewskiReleaseTest {
    static final Path RELEASE = Path.of("studies/published/data/krajewski2025");
    static final Path EXTRACT = RELEASE.resolve("metrics_dclm_data_mixture.extract.csv");
    static final Path HEAD = RELEASE.resolve("metrics_dclm_data_mixture.head.csv");
    static final Path C4 = Path.of("src/test/resources/data/krajewski2025-c4");
    static final Path C4_HEAD = C4.resolve("metrics_c4_mixture.head.csv");
    static final Path C4_EXCERPT = C4.resolve("metrics_c4_mixture.excerpt.csv");

    private final DataReader krajewski = new KrajewskiCsvReader();

    private Readers.Result read(Path file, Map<String, ReaderOptions.Value> options) throws Exception {
        return ReaderTestSupport.read(krajewski, file.toAbsolutePath(), file.toAbsolutePath().getParent(), options);
    }

    /** The table row that came from {@code line} of the file. */
    private static int row(Table t, int line) {
        for (int r = 0; r < t.rows(); r++) {
            if (t.sourceLine(r) == line) {
                return r;
            }
        }
        throw new AssertionError("no row from line " + line);
    }

    @Test
    void theDclmExtractReadsAsReleasedWithTheLaterEvaluationOfTheDuplicatedRun() throws Exception {
        Readers.Result r = read(EXTRACT, Map.of());
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        // The unnamed pandas index becomes 'index'; params, flops, metric and k are derived.
        assertEquals(List.of("run", "index", "tokens", "benchmark", "metric_type", "score", "tpr", "params", "flops",
                "metric", "k"), t.names());
        // 6,900 rows, of which the 17.9B-parameter run's 44 (lines 2678-2721) are evaluated again at
        // lines 2722-2765: the later ones are kept, so 6,856 rows remain, of 148 distinct runs.
        assertEquals(6856, t.rows());
        assertEquals(148, Arrays.stream(texts(t, "run")).distinct().count());
        assertEquals(148, Arrays.stream(numbers(t, "params")).distinct().count());
        // Line 2: index 0, arc_challenge acc of the first run, N = 1825570816 / 20, C = 6 N D.
        int first = row(t, 2);
        assertEquals(0, numbers(t, "index")[first]);
        assertEquals(0.1697952218430034, numbers(t, "score")[first]);
        assertEquals(1825570816.0 / 20, numbers(t, "params")[first]);
        assertEquals(6 * (1825570816.0 / 20) * 1825570816.0, numbers(t, "flops")[first]);
        assertEquals("N=9.13e+07 D=1.83e+09", texts(t, "run")[first]);
        // The two evaluations differ only in MBPP: pass@1 is 0.37612000000000007 at line 2705 and
        // 0.3761300000000001 at line 2749; the later one is kept.
        int mbpp = row(t, 2749);
        assertEquals(0.3761300000000001, numbers(t, "score")[mbpp]);
        assertEquals(357358895104.0 / 20, numbers(t, "params")[mbpp]);
        assertEquals(List.of("metrics_dclm_data_mixture.extract.csv:2722:0 44 rows repeat the params, tokens, "
                + "benchmark, metric_type of an earlier row; 8 of them differ in score; the later row of each "
                + "pair is kept (duplicates: \"last\"; \"first\" keeps the earlier, \"error\" reports them): line 2722 "
                + "repeats line 2678 (params 1.78679447552E10, tokens 357358895104, benchmark 'arc_challenge', "
                + "metric_type 'acc'); line 2723 repeats line 2679 (params 1.78679447552E10, tokens 357358895104, "
                + "benchmark 'arc_challenge', metric_type 'acc_norm'); line 2724 repeats line 2680 (params "
                + "1.78679447552E10, tokens 357358895104, benchmark 'arc_easy', metric_type 'acc'); and 41 more"),
                r.warnings().stream().map(ReaderTestSupport::format).toList());
    }

    @Test
    void passAtKRowsExposeKAndTheMetricsBaseName() throws Exception {
        Table t = read(EXTRACT, Map.of()).read().table();
        String[] metric = texts(t, "metric");
        String[] type = texts(t, "metric_type");
        double[] k = numbers(t, "k");
        int passRows = 0;
        for (int r = 0; r < t.rows(); r++) {
            if (type[r].startsWith("pass@")) {
                passRows++;
                assertEquals("pass@k", metric[r]);
                assertEquals(Double.parseDouble(type[r].substring(5)), k[r]);
            } else {
                assertEquals(type[r], metric[r]);
                assertTrue(Double.isNaN(k[r]), "k is missing for " + type[r]);
            }
        }
        // 447 rows for each of pass@1 ... pass@128 in the release; the duplicated run's 3 code benchmarks x 8
        // k are dropped once: 8 * 447 - 24 = 3,552.
        assertEquals(3552, passRows);
        assertEquals(444, Arrays.stream(k).filter(v -> v == 16).count());
    }

    @Test
    void duplicatesFirstKeepsTheEarlierEvaluationAndErrorReportsEveryRepeat() throws Exception {
        Table t = read(EXTRACT, Map.of("duplicates", text("first"))).read().table();
        assertEquals(6856, t.rows());
        assertEquals(0.37612000000000007, numbers(t, "score")[row(t, 2705)]);
        Readers.Result strict = read(EXTRACT, Map.of("duplicates", text("error")));
        assertEquals(6900, strict.read().table().rows());
        assertEquals(44, strict.problems().size());
        assertEquals("metrics_dclm_data_mixture.extract.csv:2722:6 duplicate run: params 1.78679447552E10, tokens "
                + "357358895104, benchmark 'arc_challenge', metric_type 'acc' already appears at "
                + "metrics_dclm_data_mixture.extract.csv:2678", ReaderTestSupport.format(strict.problems().get(0)));
    }

    @Test
    void theVerbatimHeadWithStderrRowsCountsAndLogLikelihoodsReadsWithoutAProblem() throws Exception {
        Readers.Result r = read(HEAD, Map.of());
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of(), r.warnings());
        assertEquals(833, t.rows());
        double[] score = numbers(t, "score");
        // 78 rows have an empty score (n_*_stderr and pass@k_stderr): missing values, not errors.
        assertEquals(78, Arrays.stream(score).filter(Double::isNaN).count());
        assertEquals(1.3708981622085237, score[row(t, 6)]); // arc_challenge brier
        assertEquals(-28.31457613840852, score[row(t, 8)]); // arc_challenge loglikelihood
        assertEquals(10935, score[row(t, 60)]); // humaneval-py n_syntaxerror
        assertEquals(234.11156396249285, score[row(t, 80)]); // lambada_openai perplexity
    }

    @Test
    void theC4FileWithItsOwnFlopsAndParamsReadsAsReleased() throws Exception {
        Readers.Result r = read(C4_HEAD, Map.of());
        Table t = r.read().table();
        assertEquals(List.of(), problems(r));
        assertEquals(List.of(), r.warnings());
        assertEquals(List.of("run", "index", "flops", "params", "tokens", "benchmark", "metric_type", "score", "tpr",
                "metric", "k"), t.names());
        assertEquals(176, t.rows());
        // The file's own columns: the smallest run, N = 122,777,600, D = 2,679,635,968, C = 6 N D = 1.974e18.
        assertEquals(122777600.0, numbers(t, "params")[0]);
        assertEquals(1.9739956381483008e18, numbers(t, "flops")[0]);
        assertEquals(6 * 122777600.0 * 2679635968.0, numbers(t, "flops")[0], 1e-15 * 1.974e18);
        double[] score = numbers(t, "score");
        assertEquals(39, Arrays.stream(score).filter(Double::isNaN).count());
        assertEquals(1.355662443900472, score[row(t, 6)]); // arc_challenge brier
        assertEquals(-29.340855975606743, score[row(t, 8)]); // arc_challenge loglikelihood
        assertEquals(25368, score[row(t, 57)]); // humaneval-py n_syntaxerror
        assertEquals(246.6664203249668, score[row(t, 77)]); // lambada_openai perplexity
        assertEquals(16, numbers(t, "k")[row(t, 62)]); // humaneval-py pass@16
        assertEquals("pass@k", texts(t, "metric")[row(t, 62)]);

        // The excerpt: three verbatim pieces of the file, 492 rows of its 1st, 2nd and 44th (largest) runs.
        Readers.Result excerpt = read(C4_EXCERPT, Map.of());
        Table three = excerpt.read().table();
        assertEquals(List.of(), problems(excerpt));
        assertEquals(List.of(), excerpt.warnings());
        assertEquals(492, three.rows());
        assertEquals(List.of(122777600.0, 160432128.0, 7054819328.0),
                Arrays.stream(numbers(three, "params")).distinct().boxed().toList());
        assertEquals(5.795271829209559e21, numbers(three, "flops")[row(three, 468)]);
        assertEquals(0.7840043525571273, numbers(three, "score")[row(three, 468)]); // piqa acc of the 7B run
        assertEquals(3.345792293548584, numbers(three, "score")[row(three, 262)]); // c4 loss of the 160M run
        assertEquals(18636, numbers(three, "index")[row(three, 468)]);
    }

    @Test
    void aBrokenReleaseFileIsReportedAtItsLineAndField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("krajewski-bad.csv");
        java.nio.file.Files.writeString(bad, ",tokens,benchmark,metric_type,score,tpr\n"
                + "0,1825570816.0,arc_challenge,acc,0.1697952218430034,20.0\n"
                + "1,1825570816.0,arc_challenge,acc_norm,0.2098976109215017\n");
        DataError e = org.junit.jupiter.api.Assertions.assertThrows(DataError.class, () -> read(bad, Map.of()));
        assertEquals(3, e.line());
        assertEquals(6, e.field());
        assertEquals("this row has 5 fields; the header names 6 columns", e.getMessage());
    }
}
