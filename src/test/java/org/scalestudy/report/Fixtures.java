package org.scalestudy.report;

import org.scalestudy.results.ChartName;
import org.scalestudy.results.ColumnSummary;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TableName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalestudy.testsupport.FlatFits;

/** Hand-made results and helpers shared by the report tests. */
final class Fixtures {

    static final double NaN = Double.NaN;

    static final String SOURCE = """
            study "Direct vs BNSL" {
              data runs = csv("data/ladder.csv") { let C = 6 * params * tokens }
              law direct = powerlaw_logacc(C)
              law bnsl = bnsl(C)
              fit direct to runs by metric where C <= 6e21
              holdout runs where C > 6e21
              fit bnsl to runs
              report { chart scaling, residuals; table parameters, errors, runs }
            }
            """;

    private Fixtures() {
    }

    /** A study with two fits: "direct" has fit and holdout rows; "bnsl" has no holdout and NaN metrics. */
    static StudyResult study() {
        return study("ladder", "Direct vs BNSL", "Does the direct law extrapolate?", "arc_easy", "r1");
    }

    static StudyResult study(String slug, String title, String description, String group, String firstRunId) {
        DatasetSummary data = new DatasetSummary("runs", "data/ladder.csv",
                "ab".repeat(32), 5, List.of(
                new ColumnSummary("run", false, false, NaN, NaN, 5),
                new ColumnSummary("params", true, false, 1e8, 3e9, 5),
                new ColumnSummary("C", true, true, 1.2e19, 3.6e22, 5)));

        FitOutcome direct = FlatFits.fit(
                "direct", "direct_power", "-log Q = A * C^(-alpha)", "runs", "metric=" + group, 5,
                "C = 6ND (FLOPs)", "acc",
                List.of(new ParameterValue("A", 123.456789), new ParameterValue("alpha", 0.0456789)),
                OptimizeResult.closedForm("ols on log(-log Q)", new double[] {123.456789, 0.0456789}, 0.00123,
                        "closed form"),
                new Metrics(3, 0.01, 0.02, 0.012, 0.97),
                new Metrics(1, 0.03, 0.05, 0.03, NaN),
                List.of(
                        new RunRow(firstRunId, Role.FIT, 1.2e19, 0.41, 0.40, ""),
                        new RunRow("r2", Role.FIT, 1.2e20, 0.52, 0.53, ""),
                        new RunRow("r3", Role.FIT, 1.2e21, 0.61, 0.60, ""),
                        new RunRow("r4", Role.HOLDOUT, 3.6e22, 0.70, 0.665, ""),
                        new RunRow("r0", Role.EXCLUDED, 1e18, 0.26, NaN, "within 5% of baseline")),
                List.of(new CurvePoint("", 1e19, 0.40), new CurvePoint("", 1e21, 0.60),
                        new CurvePoint("", 1e23, 0.74)));

        FitOutcome bnsl = FlatFits.fit(
                "bnsl", "bnsl", "y = a + b*C^(-c0) * (1 + (C/d1)^(1/f1))^(-c1*f1)", "runs", "", 7,
                "C = 6ND (FLOPs)", "loss",
                List.of(new ParameterValue("a", 1.5), new ParameterValue("b", NaN)),
                new OptimizeResult("L-BFGS-B, Huber(1e-3)", new double[] {1.5, NaN}, NaN, false,
                        "stopped: iteration limit", 500, 12000L, 81, 3, 2.5e-4, new String[] {"", ""},
                        new double[] {NaN, NaN}),
                new Metrics(2, NaN, NaN, NaN, NaN),
                new Metrics(0, NaN, NaN, NaN, NaN),
                List.of(
                        new RunRow("s1", Role.FIT, 1e18, 40.0, 39.0, ""),
                        new RunRow("s2", Role.FIT, 1e21, 3.0, 3.2, "")),
                List.of(new CurvePoint("tpr=20", 1e18, 39.0), new CurvePoint("tpr=20", 1e22, 2.9),
                        new CurvePoint("tpr=80", 1e18, 38.0), new CurvePoint("tpr=80", 1e22, 2.7)));

        return new StudyResult(slug, title, description, "studies/" + slug + ".study", SOURCE,
                "cd".repeat(32), List.of(data), List.of(direct, bnsl),
                new ReportRequest(List.of(ChartName.SCALING, ChartName.RESIDUALS),
                        List.of(TableName.PARAMETERS, TableName.ERRORS, TableName.RUNS)));
    }

    /** Every regular file under {@code root} (relative path → bytes), in a sorted map. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** Names of the entries directly inside {@code dir}, sorted. */
    static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final Pattern JSON_SCRIPT = Pattern.compile(
            "<script type=\"application/json\" id=\"([^\"]+)\"[^>]*>(.*?)</script>", Pattern.DOTALL);

    /** The text of every embedded {@code <script type="application/json">} in a page, by id. */
    static Map<String, String> embeddedJson(String html) {
        Map<String, String> found = new TreeMap<>();
        Matcher m = JSON_SCRIPT.matcher(html);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** Every value of an {@code href} or {@code src} attribute in a page. */
    static List<String> links(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"").matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
