package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.data.Column;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.Table;
import org.scalestudy.testsupport.CliRun;

/**
 * The bad-data corpus: each kind of bad data a ladder may hold, with the outcome docs/readers.md (section "Bad data")
 * documents — a clear error naming file, line and column, or the row left out with a note saying why, or a
 * warning. The files are written by the tests (the non-UTF-8 one byte by byte).
 */
class BadDataCorpusTest {
    /** Six good runs: C from 1.2e16 to 1.2e19, accuracy rising from 0.40 to 0.65, loss falling. */
    static final String GOOD = "a,1e7,2e8,0.40,4.0\nb,2e7,4e8,0.45,3.6\nc,4e7,8e8,0.50,3.3\n"
            + "d,8e7,1.6e9,0.55,3.1\ne,1.6e8,3.2e9,0.60,2.9\nf,3.2e8,6.4e9,0.65,2.8\n";
    static final String HEADER = "run,N,D,acc,loss\n";
    static final String BOTH_LAWS = """
            study "bad" {
              data d = csv("bad.csv") { let C = 6 * N * D }
              law direct = direct_power(x: C, y: acc, baseline: 0.25)
              law chin = chinchilla(N: N, D: D, y: loss)
              fit direct to d
              fit chin to d
            }
            """;
    static final String DIRECT = """
            study "bad" {
              data d = csv("bad.csv") { let C = 6 * N * D }
              law direct = direct_power(x: C, y: acc, baseline: 0.25)
              fit direct to d
            }
            """;

    @TempDir
    Path dir;

    CliRun build(String study, String csv) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), csv);
        Files.writeString(dir.resolve("bad.study"), study);
        return CliRun.of("build", dir.resolve("bad.study").toString(), "--out", dir.resolve("site").toString(),
                "--no-cache");
    }

    JsonNode results() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("site/bad/results.json").toFile());
    }

    /** Run id to "role: note" for the fit of law {@code law}. */
    Map<String, String> roles(String law) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode fit : results().get("fits")) {
            if (fit.get("law").asText().equals(law)) {
                fit.get("runs").forEach(r -> out.put(r.get("id").asText(),
                        r.get("role").asText() + (r.get("note").asText().isEmpty() ? "" : ": " + r.get("note").asText())));
            }
        }
        return out;
    }

    @Test
    void nanIsAMissingValueAFitMayNotUseAndInfinityLeavesItsRowOutWithANote() throws IOException {
        String csv = HEADER + GOOD + "nan-acc,6.4e8,1.28e10,nan,2.7\nnan-n,NaN,1e10,0.7,2.6\n"
                + "inf-acc,6.4e8,1.28e10,inf,2.7\ninf-n,inf,1e10,0.7,2.6\nneg-inf-loss,6.4e8,1.28e10,0.7,-inf\n";
        // NaN is a missing value (MissingCells): direct reads acc (line 8) and N (line 9), chin reads N (line 9).
        CliRun refused = build(BOTH_LAWS, csv);
        assertEquals(1, refused.code(), refused.err());
        String err = refused.err();
        assertTrue(err.contains("bad.study:5:3: error: law 'direct' would use 2 missing values of data 'd': column 'acc'"
                + " is missing at "), err);
        assertTrue(err.contains("bad.csv:8 (run 'nan-acc'); column 'N' is missing at "), err);
        assertTrue(err.contains("bad.study:6:3: error: law 'chin' would use 1 missing value of data 'd': column 'N' is"
                + " missing at "), err);
        assertTrue(err.contains("bad.csv:9 (run 'nan-n'); leave such rows out with 'where present(COLUMN)' or the fit"
                + " clause 'drop missing'"), err);
        CliRun run = build(BOTH_LAWS.replace("fit direct to d", "fit direct to d drop missing")
                .replace("fit chin to d", "fit chin to d drop missing"), csv);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("bad.study:5:3: warning: 'drop missing' leaves out 2 rows of data 'd'"), run.err());
        assertTrue(run.err().contains("bad.study:6:3: warning: 'drop missing' leaves out 1 row of data 'd'"), run.err());
        Map<String, String> direct = roles("direct");
        assertEquals(null, direct.get("nan-acc"), "dropped, not listed");
        assertEquals(null, direct.get("nan-n"), "dropped, not listed");
        assertEquals("excluded: accuracy is not a finite number", direct.get("inf-acc"));
        assertEquals("excluded: x is not a finite number", direct.get("inf-n"));
        assertEquals("fit", direct.get("neg-inf-loss"), "direct_power does not read the loss");
        Map<String, String> chin = roles("chin");
        assertEquals(null, chin.get("nan-n"), "dropped, not listed");
        assertEquals("excluded: loss is not a finite number", chin.get("neg-inf-loss"));
        assertEquals("fit", chin.get("nan-acc"), "chinchilla does not read the accuracy");
    }

    @Test
    void negativeAndZeroValuesLeaveTheirRowOutWithANote() throws IOException {
        CliRun run = build(BOTH_LAWS, HEADER + GOOD + "neg-n,-1e7,2e8,0.40,4.0\nzero-n,0,4e8,0.45,3.6\n"
                + "neg-d,4e7,-8e8,0.50,3.3\nzero-loss,8e7,1.6e9,0.55,0\nneg-loss,8e7,1.6e9,0.55,-2\n");
        assertEquals(0, run.code(), run.err());
        Map<String, String> direct = roles("direct");
        // C = 6ND is then negative or zero.
        assertEquals("excluded: x is not positive", direct.get("neg-n"));
        assertEquals("excluded: x is not positive", direct.get("zero-n"));
        assertEquals("excluded: x is not positive", direct.get("neg-d"));
        Map<String, String> chin = roles("chin");
        assertEquals("excluded: N is not positive", chin.get("neg-n"));
        assertEquals("excluded: N is not positive", chin.get("zero-n"));
        assertEquals("excluded: D is not positive", chin.get("neg-d"));
        assertEquals("excluded: loss is not positive", chin.get("zero-loss"));
        assertEquals("excluded: loss is not positive", chin.get("neg-loss"));
    }

    @Test
    void accuracyAtOrBelowTheBaselineOrAtOneIsLeftOut() throws IOException {
        // baseline r = 0.25, margin 5%: usable accuracies are in [0.2625, 1).
        CliRun run = build(DIRECT, HEADER + GOOD + "below,1e7,2e8,0.20,4\nat,1e7,2e8,0.25,4\n"
                + "within-margin,1e7,2e8,0.26,4\nnegative,1e7,2e8,-0.5,4\none,1e7,2e8,1.0,4\nabove-one,1e7,2e8,1.5,4\n");
        assertEquals(0, run.code(), run.err());
        Map<String, String> direct = roles("direct");
        assertEquals("excluded: accuracy at or below the baseline (Q <= 0)", direct.get("below"));
        assertEquals("excluded: accuracy at or below the baseline (Q <= 0)", direct.get("at"));
        assertEquals("excluded: accuracy within 5% of the baseline", direct.get("within-margin"));
        assertEquals("excluded: accuracy at or below the baseline (Q <= 0)", direct.get("negative"));
        assertEquals("excluded: accuracy >= 1 (Q >= 1)", direct.get("one"));
        assertEquals("excluded: accuracy >= 1 (Q >= 1)", direct.get("above-one"));
        assertEquals(6, results().get("fits").get(0).get("fitMetrics").get("n").asInt(), "the six good runs");
    }

    @Test
    void tooFewUsableRowsAfterExclusionsIsAnErrorThatSaysWhy() throws IOException {
        CliRun run = build(DIRECT, HEADER + "a,1e7,2e8,0.40,4\nb,1e7,2e8,0.20,4\nc,2e7,4e8,0.21,4\n");
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("bad.study:4:3: error: the fit window leaves 1 usable run of data 'd' for law"
                + " 'direct'; direct_power needs at least 2 (others are excluded: accuracy at or below the baseline"
                + " (Q <= 0))"), run.err());
    }

    @Test
    void duplicateRunsAreCurrentlyBothFitted() throws IOException {
        // Issue 4 adds a diagnostic for duplicate runs; until then both rows are fitted, as two runs.
        CliRun run = build(DIRECT, HEADER + GOOD + "a,1e7,2e8,0.41,4.1\n");
        assertEquals(0, run.code(), run.err());
        JsonNode fit = results().get("fits").get(0);
        assertEquals(7, fit.get("fitMetrics").get("n").asInt());
        assertEquals("a", fit.get("runs").get(6).get("id").asText());
    }

    @Test
    void anEmptyWindowIsAnErrorAtTheWindow() throws IOException {
        CliRun run = build(DIRECT.replace("fit direct to d", "fit direct to d window N > 1e12"), HEADER + GOOD);
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("bad.study:4:26: error: the fit window selects no run of data 'd'"), run.err());
    }

    @Test
    void aSingleRunIsAnErrorSayingHowManyTheLawNeeds() throws IOException {
        CliRun run = build(BOTH_LAWS, HEADER + "a,1e7,2e8,0.40,4.0\n");
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("bad.study:5:3: error: the fit window leaves 1 usable run of data 'd' for law"
                + " 'direct'; direct_power needs at least 2"), run.err());
        assertTrue(run.err().contains("bad.study:6:3: error: the fit window leaves 1 usable run of data 'd' for law"
                + " 'chin'; chinchilla needs at least 5"), run.err());
    }

    @Test
    void everyRunAtTheSameComputeWarnsAndDirectPowerIsNotFitted() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 6; i++) {
            csv.append("s").append(i).append(",1e8,2e9,").append(0.40 + 0.05 * i).append(",3\n");
        }
        CliRun run = build(DIRECT, csv.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("bad.study:4:3: warning: every run law 'direct' is fitted to in data 'd' has"
                + " the same x (1.2E18)"), run.err());
        JsonNode fit = results().get("fits").get(0);
        assertEquals("not fitted: every row has the same x, so alpha is undetermined",
                fit.get("optimization").get("message").asText());
        assertTrue(fit.get("parameters").get(0).get("value").isNull(), "no value is made up for A");
    }

    @Test
    void aFileThatIsNotUtf8IsAnErrorAtThePathString() throws IOException {
        Files.writeString(dir.resolve("bad.study"), DIRECT);
        byte[] latin1 = (HEADER + GOOD + "\u00e9t\u00e9,1e8,2e9,0.5,3\n").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("bad.csv"), latin1);
        CliRun run = CliRun.of("check", dir.resolve("bad.study").toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("bad.study:2:16: error: cannot read data file 'bad.csv' (this file is not UTF-8 text; "
                        + "save it as UTF-8)"),
                run.err());
    }

    @Test
    void crlfLineEndsGiveTheSameFitsAsLf() throws IOException {
        assertEquals(0, build(DIRECT, HEADER + GOOD).code());
        JsonNode lf = results().get("fits");
        CliRun crlf = build(DIRECT, (HEADER + GOOD).replace("\n", "\r\n"));
        assertEquals(0, crlf.code(), crlf.err());
        assertEquals(lf, results().get("fits"), "same runs, same lines, same parameters");
    }

    @Test
    void aMillionRowFileIsReadWhole() throws IOException, org.scalestudy.data.DataError {
        Path big = dir.resolve("big.csv");
        int n = 1_000_000;
        try (BufferedWriter out = Files.newBufferedWriter(big)) {
            out.write("run,i,half\r\n");
            for (int i = 0; i < n; i++) {
                out.write("r" + i + "," + i + "," + (i * 0.5) + "\r\n");
            }
        }
        Table table = CsvReader.read(Files.readString(big));
        assertEquals(n, table.rows());
        assertEquals(n + 1, table.sourceLine(n - 1), "the last record is on line n + 1");
        double sum = 0;
        for (double v : ((Column.Numbers) table.column("i")).values()) {
            sum += v;
        }
        assertEquals((double) n * (n - 1) / 2, sum, "0 + 1 + ... + (n - 1), every value read exactly");
        assertEquals("r999999", ((Column.Texts) table.column("run")).values()[n - 1]);
        assertEquals(List.of("run", "i", "half"), table.names());
    }
}
