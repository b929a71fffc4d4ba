package org.scalestudy.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TableName;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;
import org.scalestudy.results.WindowPoint;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.scalestudy.testsupport.FlatFits;

/** The report's additions: intervals, targets, the window sweep, the leaderboard, downloads and the base URL. */
class ReportViewsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double NaN = Double.NaN;

    /** The fixture's direct fit with a bootstrap, one target and a three-step window sweep. */
    static FitOutcome withUncertainty(FitOutcome f, String group, double holdoutMre) {
        return FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), group, f.line(), f.xLabel(),
                f.yLabel(),
                List.of(new ParameterValue("A", 123.456789, 100.0, 150.0, ""), new ParameterValue("alpha", 0.0456789,
                        0.04, 0.05, "upper")),
                f.optimization(), f.fitMetrics(), new Metrics(1, 0.03, holdoutMre, 0.03, NaN), f.runs(), f.curve(),
                List.of(new TargetPrediction("", 1e23, 0.74, 0.70, 0.78)),
                new Uncertainty(200, 1, 0.95, 0, List.of(
                        new Uncertainty.BandPoint("", 1e19, 0.38, 0.42),
                        new Uncertainty.BandPoint("", 1e21, 0.58, 0.62),
                        new Uncertainty.BandPoint("", 1e23, 0.70, 0.78))),
                List.of(),
                List.of(new WindowPoint(1.2e21, 3, 0.05, true), new WindowPoint(1.2e20, 2, 0.12, true)));
    }

    private static StudyResult study() {
        StudyResult s = Fixtures.study();
        FitOutcome direct = s.fits().get(0);
        // direct on two groups; bnsl on arc_easy only, extrapolating better there (3% against 5%).
        FitOutcome arc = withUncertainty(direct, "metric=arc_easy", 0.05);
        FitOutcome piqa = withUncertainty(direct, "metric=piqa", 0.02);
        FitOutcome bnsl = withUncertainty(s.fits().get(1), "metric=arc_easy", 0.03);
        bnsl = FlatFits.fit("bnsl", bnsl.lawKind(), bnsl.formula(), bnsl.dataset(), bnsl.group(), bnsl.line(),
                bnsl.xLabel(), bnsl.yLabel(), bnsl.parameters(), bnsl.optimization(), bnsl.fitMetrics(),
                bnsl.holdoutMetrics(), direct.runs(), direct.curve(), bnsl.targets(), bnsl.uncertainty(),
                bnsl.computeOptimal(), bnsl.window());
        return new StudyResult(s.slug(), s.title(), s.description(), s.sourceFile(), s.sourceText(),
                s.sourceSha256(), s.datasets(), List.of(arc, piqa, bnsl),
                new ReportRequest(List.of(ChartName.values()),
                        List.of(TableName.PARAMETERS, TableName.TARGETS, TableName.ERRORS, TableName.RUNS)));
    }

    @Test
    void leaderboardComparesLawsPerGroupAndNamesTheBest() {
        Table t = Leaderboard.of(study().fits());
        assertEquals(List.of("group", "direct", "bnsl", "best"), t.columns().stream().map(Views.Column::label).toList());
        Row arc = t.rows().get(0);
        // arc_easy: direct 5%, bnsl 3% → bnsl is best, and its cell is the strong one.
        assertEquals(List.of("metric=arc_easy", "5%", "3%", "bnsl"), arc.cells().stream().map(Cell::text).toList());
        assertFalse(arc.cells().get(1).strong());
        assertTrue(arc.cells().get(2).strong());
        // Cells link to the fit's page (law, dataset and group in its name) and sort by the raw fraction.
        assertEquals("fits/bnsl--runs--metric-arc_easy.html", arc.cells().get(2).href());
        assertEquals("0.03", arc.cells().get(2).sort());
        // piqa has no bnsl fit: an empty cell, not a zero.
        Row piqa = t.rows().get(1);
        assertEquals(List.of("metric=piqa", "2%", "", "direct"), piqa.cells().stream().map(Cell::text).toList());
        // Medians over groups: direct (5% + 2%) / 2 = 3.5%, bnsl 3%.
        assertTrue(t.note().contains("direct 3.5%, bnsl 3%"), t.note());
    }

    @Test
    void parametersShowTheirBootstrapIntervalAndTargetsTheirs() {
        StudyResult s = study();
        var fit = FitModel.of(s, 0, SiteLayout.fitNames(s.fits()), SiteOptions.DEFAULT).fit();
        var tables = fit.tables();
        Table parameters = tables.get(0);
        assertEquals(List.of("parameter", "value", "95% low", "95% high", "bound"),
                parameters.columns().stream().map(Views.Column::label).toList());
        assertEquals(List.of("A", "123.5", "100", "150", ""),
                parameters.rows().get(0).cells().stream().map(Cell::text).toList());
        // alpha ended on its upper bound: the row is flagged and says so, and the fit's headline warns.
        assertEquals("\u26a0 on upper bound", parameters.rows().get(1).cells().get(4).text());
        assertEquals("warn", parameters.rows().get(1).cssClass());
        assertTrue(fit.headline().stream()
                .anyMatch(h -> h.label().equals("on a bound") && h.value().equals("1 parameter") && h.warn()));
        Table targets = tables.get(1);
        assertEquals("Predictions at targets", targets.caption());
        assertEquals(List.of("1e23", "0.74", "0.7", "0.78"),
                targets.rows().get(0).cells().stream().map(Cell::text).toList());
    }

    @Test
    void computeOptimalFrontierIsTabledWithItsIntervals() {
        FitOutcome f = study().fits().get(0);
        // C = 6ND with N* = 1e9, D* = 2e10: 6 * 1e9 * 2e10 = 1.2e20, 20 tokens per parameter.
        FitOutcome g = FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), f.group(), f.line(),
                f.xLabel(), f.yLabel(), f.parameters(), f.optimization(), f.fitMetrics(), f.holdoutMetrics(),
                f.runs(), f.curve(), f.targets(), f.uncertainty(),
                List.of(new org.scalestudy.results.ComputeOptimal(1.2e20, 1e9, 8e8, 1.3e9, 2e10, 1.5e10, 2.5e10,
                        2.5, 2.4, 2.6, true)), f.window());
        Table t = FitTables.computeOptimal(g);
        assertEquals(List.of("C (FLOPs)", "N*", "N* interval", "D*", "D* interval", "D*/N*", "loss",
                "loss interval"), t.columns().stream().map(Views.Column::label).toList());
        assertEquals(List.of("1.2e20 \u25b2", "1e9", "8e8 \u2013 1.3e9", "2e10", "1.5e10 \u2013 2.5e10", "20", "2.5",
                "2.4 \u2013 2.6"), t.rows().get(0).cells().stream().map(Cell::text).toList());
    }

    @Test
    void scalingChartDrawsTheBandTheTargetsAndTheFitEdge() {
        JsonNode spec = ScalingChart.INSTANCE.spec(study().fits().get(0));
        JsonNode band = SiteBuilderTest.layer(spec, "band");
        assertEquals("area", band.path("mark").path("type").asText());
        assertEquals(3, band.path("data").path("values").size());
        assertEquals(0.78, band.path("data").path("values").get(2).path("high").asDouble());
        assertEquals("high", band.path("encoding").path("y2").path("field").asText());
        // The band is drawn first, under the curve and the runs.
        assertEquals("band", spec.path("layer").get(0).path("name").asText());
        JsonNode targets = SiteBuilderTest.layer(spec, "targets");
        assertEquals(1e23, targets.path("data").path("values").get(0).path("x").asDouble());
        JsonNode intervals = SiteBuilderTest.layer(spec, "target-intervals");
        assertEquals(0.70, intervals.path("data").path("values").get(0).path("low").asDouble());
        // The largest x fitted on: r3 at 1.2e21.
        assertEquals(1.2e21, SiteBuilderTest.layer(spec, "fit-edge").path("data").path("values").get(0)
                .path("x").asDouble());
    }

    @Test
    void parityChartHasASquareDomainAndTheDiagonal() {
        JsonNode spec = ParityChart.INSTANCE.spec(study().fits().get(0));
        JsonNode diagonal = SiteBuilderTest.layer(spec, "diagonal");
        // Observed and predicted of the four runs with both span 0.40 to 0.70; 5% padding each side.
        JsonNode domain = diagonal.path("encoding").path("x").path("scale").path("domain");
        assertEquals(0.385, domain.get(0).asDouble(), 1e-12);
        assertEquals(0.715, domain.get(1).asDouble(), 1e-12);
        assertEquals(domain, diagonal.path("encoding").path("y").path("scale").path("domain"));
        JsonNode line = diagonal.path("data").path("values");
        assertEquals(line.get(0).path("observed"), line.get(0).path("predicted"));
        // The excluded run has no prediction, so 4 of 5 runs are drawn.
        assertEquals(4, spec.path("data").path("values").size());
    }

    @Test
    void sensitivityChartPlotsTheSweep() {
        JsonNode spec = SensitivityChart.INSTANCE.spec(study().fits().get(0));
        JsonNode values = spec.path("data").path("values");
        assertEquals(2, values.size());
        assertEquals(1.2e21, values.get(0).path("cutoff").asDouble());
        assertEquals(0.12, values.get(1).path("holdoutMre").asDouble());
        assertEquals("log", SiteBuilderTest.layer(spec, "points").path("encoding").path("x").path("scale")
                .path("type").asText());
    }

    @Test
    void smallMultiplesGiveEachGroupAPanel() {
        StudyResult s = study();
        var charts = MultiplesChart.of(s.fits());
        // direct has two groups → one small-multiples chart; bnsl has one → none.
        assertEquals(1, charts.size());
        assertEquals("law-1-multiples", charts.get(0).id());
        JsonNode spec = MultiplesChart.spec("direct", s.fits().subList(0, 2));
        assertEquals("group", spec.path("facet").path("field").asText());
        // Panels are titled by group and holdout MRE (5% and 2%), in fit order.
        assertEquals("[\"metric=arc_easy \u00b7 holdout MRE 5%\",\"metric=piqa \u00b7 holdout MRE 2%\"]",
                spec.path("facet").path("sort").toString());
        assertEquals("independent", spec.path("resolve").path("scale").path("y").asText());
        // Per group: one object per role of its 5 runs with positive x (excluded, fit, holdout) and one for the
        // curve's series, flattened into rows by the spec's transform.
        assertEquals("[{\"flatten\":[\"x\",\"y\",\"predicted\"]}]", spec.path("transform").toString());
        JsonNode values = spec.path("data").path("values");
        assertEquals(8, values.size());
        int runs = 0;
        int curve = 0;
        for (JsonNode v : values) {
            assertEquals(v.path("x").size(), v.path("y").size());
            if (v.path("layer").asText().equals("run")) {
                runs += v.path("x").size();
                assertEquals(v.path("x").size(), v.path("predicted").size());
            } else {
                curve += v.path("x").size();
                assertEquals(0, v.path("predicted").size());
            }
        }
        assertEquals(10, runs);
        assertEquals(6, curve);
        // Its table has a row per panel, linking to the fit's page.
        Table table = charts.get(0).data();
        assertEquals(2, table.rows().size());
        assertEquals("fits/direct--runs--metric-piqa.html", table.rows().get(1).cells().get(0).href());
        assertEquals(List.of("metric=piqa", "5", "3", "1", "2%"),
                table.rows().get(1).cells().stream().map(Cell::text).toList());
    }

    @Test
    void smallMultiplesRoundToFiveDigitsAndThinTheCurve() {
        com.fasterxml.jackson.databind.node.ArrayNode a = JsonSupport.NODES.arrayNode();
        // 5 significant digits, half-even on the decimal value of the double.
        VegaLite.addRounded(a, 2.0331353064414904e19);
        VegaLite.addRounded(a, 0.40151515);
        VegaLite.addRounded(a, 123456.5);
        VegaLite.addRounded(a, NaN);
        VegaLite.addRounded(a, 0.0);
        assertEquals("[2.0331E19,0.40152,123460.0,null,0.0]", a.toString());
        // 60 points thinned to 24: the first and the last kept, the rest evenly spaced by index.
        List<Integer> points = java.util.stream.IntStream.range(0, 60).boxed().toList();
        List<Integer> thin = VegaLite.thin(points, 24);
        assertEquals(24, thin.size());
        assertEquals(0, thin.get(0));
        assertEquals(59, thin.get(23));
        // k * 59 / 23 rounded: k = 1 gives 2.565 → 3, k = 12 gives 30.78 → 31.
        assertEquals(3, thin.get(1));
        assertEquals(31, thin.get(12));
        assertEquals(points.subList(0, 5), VegaLite.thin(points.subList(0, 5), 24));
    }

    @Test
    void smallMultiplesStopAtThePanelBudgetAndSaySo() {
        StudyResult s = study();
        FitOutcome f = s.fits().get(0);
        List<FitOutcome> many = new java.util.ArrayList<>();
        // Law a with 2 groups, then law b with the rest of the budget plus one: b is left to its fit pages.
        for (int i = 0; i < MultiplesChart.PANELS + 1; i++) {
            String law = i < 2 ? "a" : "b";
            many.add(FlatFits.fit(law, f.lawKind(), f.formula(), f.dataset(), "g=" + i, f.line(), f.xLabel(),
                    f.yLabel(), f.parameters(), f.optimization(), f.fitMetrics(), f.holdoutMetrics(), f.runs(),
                    f.curve()));
        }
        List<String> notices = new java.util.ArrayList<>();
        var charts = MultiplesChart.of(many, SiteLayout.fitNames(many), notices);
        assertEquals(List.of("law-1-multiples"), charts.stream().map(Views.ChartView::id).toList());
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).contains("\u201cb\u201d is fitted to 149 groups"), notices.get(0));
        // With b one group smaller, both fit: 2 + 148 = 150 panels.
        notices.clear();
        charts = MultiplesChart.of(many.subList(0, MultiplesChart.PANELS),
                SiteLayout.fitNames(many.subList(0, MultiplesChart.PANELS)), notices);
        assertEquals(2, charts.size());
        assertEquals(List.of(), notices);
    }

    /** The downloads are written as streams (a study may have a million runs); they equal the tree form byte for byte. */
    @Test
    void streamedJsonDownloadsEqualTheTreeForm() {
        StudyResult s = study();
        for (String name : Downloads.NAMES) {
            Downloads.Sheet sheet = Downloads.sheet(name, s);
            assertEquals(Downloads.jsonTree(sheet), Downloads.json(sheet), name);
        }
        Downloads.Sheet hostile = new Downloads.Sheet(List.of("b", "a", "c"), List.of(
                List.of("</script>\u2028${7*7}", Double.NaN, -0.0),
                List.of("", Double.POSITIVE_INFINITY, 1.2e21)));
        assertEquals(Downloads.jsonTree(hostile), Downloads.json(hostile));
        assertEquals("[ ]\n", Downloads.json(new Downloads.Sheet(List.of("a"), List.of())));
    }

    @Test
    void downloadsAreCsvAndJsonWithMissingValuesEmptyOrNull() throws IOException {
        StudyResult s = study();
        Downloads.Sheet parameters = Downloads.parameters(s);
        String csv = Downloads.csv(parameters);
        String[] lines = csv.split("\n", -1);
        assertEquals("law,dataset,group,parameter,value,low,high,standardError", lines[0]);
        // the fixture's parameters have no standard error: an empty cell
        assertEquals("direct,runs,metric=arc_easy,A,123.456789,100.0,150.0,", lines[1]);
        // 3 fits × 2 parameters + header, and a final newline.
        assertEquals(8, lines.length);
        assertEquals("", lines[7]);
        JsonNode json = JSON.readTree(Downloads.json(parameters));
        assertEquals(0.0456789, json.get(1).path("value").asDouble());
        // Predictions: every run (kind run) and every target (kind target); a run without prediction is empty.
        Downloads.Sheet predictions = Downloads.predictions(s);
        assertEquals(3 * 5 + 3, predictions.rows().size());
        String predictionsCsv = Downloads.csv(predictions);
        // No prediction intervals in this fixture: pi_level, pi_low and pi_high are empty.
        assertTrue(predictionsCsv.contains("direct,runs,metric=arc_easy,run,r0,excluded,,1.0E18,0.26,,,,,,\n"),
                predictionsCsv);
        assertTrue(predictionsCsv.contains("direct,runs,metric=arc_easy,target,,,,1.0E23,,0.74,0.7,0.78,,,\n"),
                predictionsCsv);
        // The data used: every run in scope, with its role and note.
        assertEquals(15, Downloads.data(s).rows().size());
    }

    @Test
    void csvQuotesFieldsThatNeedIt() {
        Downloads.Sheet sheet = new Downloads.Sheet(List.of("a", "b"),
                List.of(List.of("x,y", "say \"hi\""), List.of("line\nbreak", 1e21)));
        assertEquals("a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"line\nbreak\",1.0E21\n", Downloads.csv(sheet));
    }

    @Test
    void baseUrlIsCheckedAndEndsInASlash() {
        assertEquals("https://example.org/scaling/", SiteOptions.normalize("https://example.org/scaling"));
        assertEquals("https://example.org/", SiteOptions.normalize("https://example.org/"));
        assertEquals("", SiteOptions.normalize(null));
        assertEquals("", SiteOptions.normalize("  "));
        // Relative paths, other schemes, queries and fragments cannot be a site's address.
        for (String bad : List.of("example.org/x", "/x", "ftp://example.org/", "https://e.org/?a=1",
                "https://e.org/#x", "https://exa mple.org/")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SiteOptions.normalize(bad), bad);
            assertTrue(e.getMessage().contains("--base-url"), e.getMessage());
        }
    }

    @Test
    void canonicalLinksAppearOnlyWithABaseUrl() {
        PageRenderer renderer = new PageRenderer();
        String with = renderer.render("study.ftlh", StudyModel.of(study(),
                new SiteOptions("9.9", "https://example.org/s/")));
        assertTrue(with.contains("<link rel=\"canonical\" href=\"https://example.org/s/ladder/\">"), with);
        assertTrue(with.contains("<meta property=\"og:url\" content=\"https://example.org/s/ladder/\">"));
        // The footer names the tool version, the study hash and each data file's hash.
        assertTrue(with.contains("Built with scalestudy 9.9."));
        assertTrue(with.contains("sha256 " + "cd".repeat(32)));
        assertTrue(with.contains("sha256 " + "ab".repeat(32)));
        String index = renderer.render("index.ftlh", IndexModel.of(List.of(study()),
                new SiteOptions("9.9", "https://example.org/s/")));
        assertTrue(index.contains("<link rel=\"canonical\" href=\"https://example.org/s/\">"), index);
        String without = renderer.render("study.ftlh", StudyModel.of(study()));
        assertFalse(without.contains("canonical"));
        assertFalse(without.contains("og:url"));
        assertFalse(without.contains("://example.org"));
    }

    @Test
    void everyChartHasItsNumbersInATableForReadersWithoutJavaScript() {
        PageRenderer renderer = new PageRenderer();
        StudyResult s = study();
        String page = renderer.render("study.ftlh", StudyModel.of(s));
        // The study page: 1 small-multiples chart, followed by its table (a row per panel) in a <details>.
        assertEquals(1, page.split("<summary>The chart as a table</summary>", -1).length - 1);
        assertEquals(1, page.split("class=\"vega\"", -1).length - 1);
        // Each fit's page: its 4 charts. The sensitivity chart is followed by its table; the scaling, residuals and
        // parity charts draw the runs, whose numbers are all in the runs table, which they link to.
        for (int i = 0; i < s.fits().size(); i++) {
            var model = FitModel.of(s, i, SiteLayout.fitNames(s.fits()), SiteOptions.DEFAULT);
            String fit = renderer.render("fit.ftlh", model);
            assertEquals(4, fit.split("class=\"vega\"", -1).length - 1);
            assertEquals(1, fit.split("<summary>The chart as a table</summary>", -1).length - 1);
            String anchor = "fit-" + (i + 1) + "-runs";
            assertEquals(3, fit.split("The chart as a table: <a href=\"#" + anchor + "\">", -1).length - 1);
            // The runs table carries the anchor (folded tables on the <details>, which site.js opens), and a row per
            // run with its relative residual: (0.70 - 0.665) / 0.70 = 5% for r4.
            assertTrue(fit.contains("id=\"" + anchor + "\""), fit);
            Table runs = model.fit().tables().stream().filter(t -> t.caption().equals("Runs")).findFirst()
                    .orElseThrow();
            assertEquals(anchor, runs.id());
            assertEquals(5, runs.rows().size());
            assertEquals("5%", runs.rows().get(3).cells().get(5).text());
            // The scaling chart also draws the target: the targets table is on the page.
            assertTrue(fit.contains("<caption>Predictions at targets</caption>"));
        }
    }

    @Test
    void sortKeysArePlainNumbersAndMissingIsEmpty() {
        assertEquals("1.2E21", Numbers.sortKey(1.2e21));
        assertEquals("0.05", Numbers.sortKey(0.05));
        assertEquals("", Numbers.sortKey(NaN));
        assertEquals("1e999", Numbers.sortKey(Double.POSITIVE_INFINITY));
    }
}
