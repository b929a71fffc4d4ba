package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;

/**
 * The language on a long file (one row per run x metric, as Krajewski et al. release theirs), on the
 * demo ladder: a run's value from its other rows ({@code let loss = value of metric == "val_loss" by run}),
 * membership tests ({@code metric in (...)}), and tables of texts ({@code kind[metric] == "2-way"}).
 * Each is checked against the same fit written without it, which must agree bit for bit.
 */
class RunRowsLanguageTest {
    @TempDir
    Path dir;

    StudyResult build(String body) throws Exception {
        return DemoLadderStudies.build(dir, body);
    }

    List<String> errors(String body) {
        return DemoLadderStudies.errors(dir, body);
    }

    /** Every diagnostic (errors and warnings) as {@code severity line:column message}. */
    List<String> diagnostics(String body) throws Exception {
        try {
            build(body);
            return List.of();
        } catch (DiagnosticException e) {
            return e.diagnostics().stream().map(d -> d.severity().name().toLowerCase() + " " + d.line() + ":"
                    + d.column() + " " + d.message()).toList();
        }
    }

    /** Warnings of a study that builds. */
    List<String> warnings(String body) throws Exception {
        Files.copy(Path.of("studies/data/demo-ladder.csv"), dir.resolve("ladder.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path file = dir.resolve("t.study");
        Files.writeString(file, "study \"t\" {\n  data d = csv(\"ladder.csv\") { let C = 6 * params * tokens "
                + "let tpr = tokens / params }\n" + body + "}\n");
        return Pipeline.check(StudyFiles.find(List.of(file))).warnings().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.WARNING)
                .filter(d -> !d.message().equals("data 'd' is declared but no fit uses it"))
                .map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    /**
     * The demo ladder written wide by this test, independently of the language: each accuracy row with its
     * run's validation loss beside it in a column {@code loss}.
     */
    void writeWide() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("studies/data/demo-ladder.csv"));
        Map<String, String> loss = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f[3].equals("val_loss")) {
                loss.put(f[0], f[4]);
            }
        }
        List<String> wide = new ArrayList<>(List.of(lines.get(0) + ",loss"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!f[3].equals("val_loss")) {
                wide.add(line + "," + loss.get(f[0]));
            }
        }
        Files.write(dir.resolve("wide.csv"), wide);
    }

    @Test
    void aRunsLossFromItsOwnRowGivesTheSameTwoStageFitsAsAWideFile() throws Exception {
        writeWide();
        StudyResult r = build("""
                  data long = csv("ladder.csv") {
                    let C = 6 * params * tokens
                    let loss = value of metric == "val_loss" by run
                    where metric != "val_loss" and tokens == 20 * params
                  }
                  data wide = csv("wide.csv") { let C = 6 * params * tokens  where tokens == 20 * params }
                  law linear = two_stage_linear(x: C, loss: loss, y: value)
                  law logistic = two_stage_logistic(x: C, loss: loss, y: value)
                  fit linear, logistic to long by metric window params <= 4e8 holdout params > 4e8
                  fit linear, logistic to wide by metric window params <= 4e8 holdout params > 4e8
                """);
        List<FitOutcome> fromLong = r.fits().stream().filter(f -> f.dataset().equals("long")).toList();
        List<FitOutcome> fromWide = r.fits().stream().filter(f -> f.dataset().equals("wide")).toList();
        assertEquals(8, fromLong.size()); // 2 laws x 4 benchmarks
        for (int i = 0; i < fromLong.size(); i++) {
            assertEquals(fromWide.get(i).law() + " " + fromWide.get(i).group(),
                    fromLong.get(i).law() + " " + fromLong.get(i).group());
            assertEquals(fromWide.get(i).parameters(), fromLong.get(i).parameters());
            assertEquals(fromWide.get(i).holdoutMetrics(), fromLong.get(i).holdoutMetrics());
            assertEquals(fromWide.get(i).runs(), fromLong.get(i).runs());
        }
        // 5 sizes (5e7 ... 8e8) x 2 seeds at 20 tokens per parameter: 4 sizes fitted, 8e8 held out
        assertEquals(2, fromLong.get(0).holdoutMetrics().n());
        assertEquals(8, fromLong.get(0).fitMetrics().n());
    }

    @Test
    void aJoinThatFindsSeveralRowsNamesThemAndStops() {
        // params 5e7 has 8 val_loss rows (4 tokens-per-parameter ratios x 2 seeds), on lines 2, 7, 12, ...
        assertEquals(List.of("3:32 params 50000000 has 8 rows where metric == \"val_loss\" (data lines 2, 7, 12,"
                + " 17, 22 and 3 more), and 4 other params have several; 'loss' takes its value from one row per"
                + " params, so narrow the condition (or remove the duplicates with 'where')"), errors("""
                  data e = csv("ladder.csv") { let loss = value of metric == "val_loss" by params }
                  law linear = two_stage_linear(x: params, loss: loss, y: value)
                  fit linear to e
                """));
    }

    @Test
    void severalKeysTogetherIdentifyTheRow() throws Exception {
        // params and tokens together name a run up to its seed: still two rows each, on lines 2 and 7
        assertEquals(List.of("3:32 params 50000000, tokens 250000000 has 2 rows where metric == \"val_loss\""
                + " (data lines 2 and 7), and 19 other keys have several; 'loss' takes its value from one row"
                + " per key, so narrow the condition (or remove the duplicates with 'where')"), errors("""
                  data e = csv("ladder.csv") { let loss = value of metric == "val_loss" by params, tokens }
                  law linear = two_stage_linear(x: params, loss: loss, y: value)
                  fit linear to e
                """));
    }

    @Test
    void rowsThatFindNoRowAreMissingWithAWarning() throws Exception {
        // only the tokens-per-parameter-5 runs (10 of 40) have a val_loss row selected: the 30 other runs'
        // 150 rows (5 each) find none, and the first of them is on data line 12 (n050m-tpr10-s1)
        List<String> w = warnings("""
                  data e = csv("ladder.csv") {
                    let C = 6 * params * tokens
                    let loss = value of metric == "val_loss" and tokens == 5 * params by run
                    where metric == "arc_easy"
                  }
                  law linear = two_stage_linear(x: C, loss: loss, y: value)
                  fit linear to e window params <= 4e8
                """);
        assertEquals(List.of("5:5 150 rows of data 'e' (30 runs) find no row where metric == \"val_loss\" and"
                + " tokens == 5 * params, e.g. run 'n050m-tpr10-s1' (data line 12); their 'loss' is missing"), w);
    }

    @Test
    void joinMistakesAreReportedAtTheirPlace() {
        assertEquals(List.of("3:76 unknown column 'rnu' in data 'e'; did you mean 'run'?"), errors("""
                  data e = csv("ladder.csv") { let loss = value of metric == "val_loss" by rnu }
                  law linear = two_stage_linear(x: params, loss: loss, y: value)
                  fit linear to e
                """));
        assertEquals(List.of("3:52 no row of data 'e' has metric == \"val_los\", so 'loss' would be missing"
                + " everywhere"), errors("""
                  data e = csv("ladder.csv") { let loss = value of metric == "val_los" by run }
                  law linear = two_stage_linear(x: params, loss: loss, y: value)
                  fit linear to e
                """));
        assertEquals(List.of("3:52 the condition after 'of' must be a condition, but this is text"), errors("""
                  data e = csv("ladder.csv") { let loss = value of metric by run }
                  law linear = two_stage_linear(x: params, loss: loss, y: value)
                  fit linear to e
                """));
        assertEquals(List.of("3:36 column 'value' already exists in data 'e'; choose another name"), errors("""
                  data e = csv("ladder.csv") { let value = value of metric == "val_loss" by run }
                  law linear = two_stage_linear(x: params, loss: value, y: value)
                  fit linear to e
                """));
    }

    @Test
    void membershipIsAChainOfEqualities() throws Exception {
        StudyResult r = build("""
                  data e = csv("ladder.csv") { let C = 6 * params * tokens  where metric in ("piqa", "winogrande") }
                  data f = csv("ladder.csv") {
                    let C = 6 * params * tokens
                    where metric == "piqa" or metric == "winogrande"
                  }
                  data g = csv("ladder.csv") {
                    let C = 6 * params * tokens
                    where metric not in ("val_loss", "arc_easy", "hellaswag")
                  }
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to e by metric where tokens in (20 * params) holdout params > 4e8
                  fit direct to f by metric where tokens == 20 * params holdout params > 4e8
                  fit direct to g by metric where tokens == 20 * params holdout params > 4e8
                """);
        assertEquals(6, r.fits().size());
        for (int i = 0; i < 2; i++) {
            assertEquals(List.of("metric=piqa", "metric=winogrande").get(i), r.fits().get(i).group());
            assertEquals(r.fits().get(i).parameters(), r.fits().get(i + 2).parameters());
            assertEquals(r.fits().get(i).parameters(), r.fits().get(i + 4).parameters());
            assertEquals(r.fits().get(i).runs(), r.fits().get(i + 4).runs());
        }
    }

    @Test
    void membershipMistakesAreReported() throws Exception {
        assertEquals(List.of("4:44 every option of 'in' must be text, as the value tested is, but this is a"
                + " number"), errors("""
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to d where metric in ("piqa", 0.5)
                """));
        // a value no row holds selects nothing, silently: a warning names the closest value there is
        assertEquals(List.of("4:44 no row of data 'd' has metric \"wingrande\"; did you mean \"winogrande\"?"),
                warnings("""
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to d where metric in ("piqa", "wingrande") and tpr == 20
                """));
    }

    @Test
    void aTableOfTextsChoosesPerKey() throws Exception {
        StudyResult r = build("""
                  table ways = { arc_easy: "4-way", hellaswag: "4-way", piqa: "2-way", winogrande: "2-way" }
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to d by metric where metric != "val_loss" and ways[metric] == "2-way" and tpr == 20
                  fit direct to d by metric where metric in ("piqa", "winogrande") and tpr == 20
                """);
        assertEquals(4, r.fits().size());
        assertEquals(r.fits().get(0).parameters(), r.fits().get(2).parameters());
        assertEquals(r.fits().get(1).parameters(), r.fits().get(3).parameters());
        assertEquals("metric=winogrande", r.fits().get(1).group());
    }

    @Test
    void aLookupIsInUseOnlyWhereTheLeftOfAndHolds() throws Exception {
        // the table lacks val_loss, arc_easy and hellaswag, which 'metric in (...)' leaves out before it looks
        StudyResult r = build("""
                  table ways = { piqa: "2-way", winogrande: "2-way" }
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to d by metric where metric in ("piqa", "winogrande") and ways[metric] == "2-way"
                """);
        assertEquals(2, r.fits().size());
        // without the guard, the lookup is in use on every row
        assertEquals(List.of("5:35 table 'ways' has no entry for 'arc_easy' (40 rows of data 'd') nor for 2 other"
                + " keys; it has: piqa, winogrande"), errors("""
                  table ways = { piqa: "2-way", winogrande: "2-way" }
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to d by metric where ways[metric] == "2-way"
                """));
    }

    @Test
    void tableMistakesAreReported() {
        assertEquals(List.of("3:43 table 'ways' holds texts (from line 3, column 28), so every value must be a"
                + " string, not 0.5"), errors("""
                  table ways = { arc_easy: "4-way", piqa: 0.5 }
                  law direct = direct_power(x: C, y: value, baseline: baseline)
                  fit direct to d where metric == "piqa"
                """));
        assertEquals(List.of("4:55 argument 'baseline' of law 'direct' must be a number, but this is text",
                "5:7 law 'direct' cannot be fitted to data 'd' (see line 4)"), errors("""
                  table ways = { piqa: "2-way" }
                  law direct = direct_power(x: C, y: value, baseline: ways[metric])
                  fit direct to d where metric == "piqa"
                """));
    }

    /**
     * The language page (docs/language.md) shows the paper's study written on the release's long file: that block, inside a study,
     * must check and give one fit per law and benchmark (6 benchmarks x 3 laws) with the 8 runs above 6e21
     * FLOPs held out.
     */
    @Test
    void theReadmesStudyOnThePapersDataBuilds() throws Exception {
        String readme = Files.readString(Path.of("docs/language.md"));
        int at = readme.indexOf("```", readme.indexOf("The paper's study on its own long file"));
        String block = readme.substring(readme.indexOf('\n', at) + 1, readme.indexOf("```", at + 3));
        Path data = dir.resolve("data/krajewski2025");
        Files.createDirectories(data);
        Files.copy(Path.of("studies/published/data/krajewski2025/metrics_dclm_data_mixture.extract.csv"),
                data.resolve("metrics_dclm_data_mixture.extract.csv"));
        Path file = dir.resolve("readme.study");
        Files.writeString(file, "study \"README\" {\n" + block + "}\n");
        StudyResult r = Pipeline.run(Pipeline.check(StudyFiles.find(List.of(file)))).get(0);
        assertEquals(18, r.fits().size());
        for (FitOutcome f : r.fits()) {
            assertEquals(8, f.holdoutMetrics().n(), f.law() + " " + f.group());
        }
    }
}
