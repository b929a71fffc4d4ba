package org.scalestudy.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Fact;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.BackTest;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Interval;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.PredictionSummary;
import org.scalestudy.results.ReportRequest;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TableName;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.scalestudy.testsupport.FlatFits;

/**
 * Issue 16 in the report: two intervals, each named for what it is (the bootstrap confidence band of the curve and
 * the back-tested prediction interval of a new run), coverage and interval scores on the fit page, the study page and
 * the leaderboard, degenerate fits flagged, and the prediction intervals in the downloads.
 *
 * <p>The fixture: law {@code direct} on {@code arc} (8 held-out runs, the last outside its interval: 7/8, mean
 * interval score 0.12) and on {@code piqa} (4 held-out runs, all inside: 4/4, score 0.06, scores pooled), and law
 * {@code bnsl} on {@code arc} (8 held-out runs, 2 outside: 6/8, score 0.09, degenerate).
 */
class PredictionIntervalsReportTest {

    private static final double NaN = Double.NaN;
    static final String DEGENERATE = "no spare degree of freedom: 2 runs for 2 parameters";

    @TempDir
    Path tmp;

    /** A holdout run at x, observed 0.70, with a 90% prediction interval that holds it unless {@code outside}. */
    private static RunRow holdout(int k, boolean outside) {
        double x = 2e21 * (k + 1);
        Interval interval = outside ? new Interval(Interval.PREDICTION, 0.9, 0.71, 0.80)
                : new Interval(Interval.PREDICTION, 0.9, 0.65, 0.75);
        return new RunRow("h" + k, Role.HOLDOUT, x, 0.70, 0.69, "").withInterval(interval);
    }

    /**
     * A fit with three fit runs, {@code holdouts} held-out runs whose last {@code outside} fall outside their
     * intervals, a target at 1e23 (bootstrap 0.70–0.78, prediction 0.62–0.86) and both bands.
     */
    static FitOutcome fit(String law, String group, int holdouts, int outside, double mre, double score,
                          String scores, int pooledFits, String degenerate) {
        List<RunRow> runs = new ArrayList<>(List.of(
                new RunRow("r1", Role.FIT, 1e19, 0.41, 0.40, ""),
                new RunRow("r2", Role.FIT, 1e20, 0.52, 0.53, ""),
                new RunRow("r3", Role.FIT, 1e21, 0.61, 0.60, "")));
        for (int k = 0; k < holdouts; k++) {
            runs.add(holdout(k, k >= holdouts - outside));
        }
        List<CurvePoint> curve = List.of(new CurvePoint("", 1e19, 0.40), new CurvePoint("", 1e21, 0.60),
                new CurvePoint("", 1e23, 0.74));
        Uncertainty bootstrap = new Uncertainty(200, 1, 0.95, 0, List.of(
                new Uncertainty.BandPoint("", 1e19, 0.38, 0.42),
                new Uncertainty.BandPoint("", 1e21, 0.58, 0.62),
                new Uncertainty.BandPoint("", 1e23, 0.70, 0.78)));
        List<Uncertainty.BandPoint> predictionBand = List.of(
                new Uncertainty.BandPoint("", 1e19, 0.36, 0.44),
                new Uncertainty.BandPoint("", 1e21, 0.55, 0.65),
                new Uncertainty.BandPoint("", 1e23, 0.62, 0.86));
        String note = scores.equals("pooled")
                ? "pooled: this fit has 3 back-test errors (fewer than 15), so the 40 of law " + law + "'s "
                + pooledFits + " fits in this study size its intervals"
                : "own: sized by this fit's 20 back-test errors";
        PredictionSummary summary = new PredictionSummary(0.9, scores, scores.equals("pooled") ? 40 : 20,
                pooledFits, 0.05, holdouts, holdouts - outside, score, note, predictionBand);
        FitOutcome base = FlatFits.fit(law, "direct_power", "-log Q = A * C^(-alpha)", "runs", group, 5,
                "C = 6ND (FLOPs)", "acc", Fixtures.study().fits().get(0).parameters(),
                Fixtures.study().fits().get(0).optimization(), new Metrics(3, 0.01, 0.02, 0.012, 0.97),
                new Metrics(holdouts, 0.03, mre, 0.03, NaN), runs, curve,
                List.of(new TargetPrediction("", 1e23, 0.74, 0.70, 0.78,
                        new Interval(Interval.PREDICTION, 0.9, 0.62, 0.86))),
                bootstrap, List.of(), List.of());
        return FlatFits.fit(base.law(), base.lawKind(), base.formula(), base.dataset(), base.group(), base.line(),
                base.xLabel(), base.yLabel(), base.parameters(), base.optimization(), base.fitMetrics(),
                base.holdoutMetrics(), base.runs(), base.curve(), base.targets(), base.uncertainty(),
                base.computeOptimal(), base.window(), new BackTest(2, 0, List.of()), summary, degenerate);
    }

    static StudyResult study() {
        StudyResult s = Fixtures.study();
        List<FitOutcome> fits = List.of(
                fit("direct", "metric=arc", 8, 1, 0.05, 0.12, "own", 1, ""),
                fit("direct", "metric=piqa", 4, 0, 0.02, 0.06, "pooled", 2, ""),
                fit("bnsl", "metric=arc", 8, 2, 0.03, 0.09, "own", 1, DEGENERATE));
        return new StudyResult(s.slug(), s.title(), s.description(), s.sourceFile(), s.sourceText(),
                s.sourceSha256(), s.datasets(), fits,
                new ReportRequest(List.of(ChartName.SCALING),
                        List.of(TableName.PARAMETERS, TableName.TARGETS, TableName.ERRORS, TableName.RUNS)));
    }

    private static List<String> labels(Table t) {
        return t.columns().stream().map(Column::label).toList();
    }

    private static List<String> texts(Row r) {
        return r.cells().stream().map(Cell::text).toList();
    }

    private static Views.FitView fitView(StudyResult s, int index) {
        return FitModel.of(s, index, SiteLayout.fitNames(s.fits()), SiteOptions.DEFAULT).fit();
    }

    private static Table table(Views.FitView f, String caption) {
        return f.tables().stream().filter(t -> t.caption().equals(caption)).findFirst().orElseThrow();
    }

    @Test
    void fitPageHeadlineAndSectionReportCoverageScoreAndWhereTheScoresCameFrom() {
        Views.FitView arc = fitView(study(), 0);
        // 8 held-out runs, the last outside its interval: 7/8 = 87.5%.
        assertTrue(arc.headline().contains(new Fact("90% prediction intervals", "7/8 (87.5%) held-out runs inside",
                false)), arc.headline().toString());
        List<String> labels = arc.prediction().stream().map(Fact::label).toList();
        assertEquals(List.of("level", "scores from", "back-test errors", "quantile q", "coverage",
                "mean interval score"), labels);
        assertEquals("this fit\u2019s own back-tests", arc.prediction().get(1).value());
        assertFalse(arc.prediction().get(1).warn());
        assertTrue(arc.prediction().get(3).value().startsWith("0.05 (half-width = q"), arc.prediction().get(3).value());
        assertEquals("7/8 (87.5%) held-out runs inside their interval, against 90% nominal",
                arc.prediction().get(4).value());
        // Interval score in the observed quantity's units; its miss penalty is 2 / (1 - 0.9) = 20.
        assertEquals("0.12 (width + 20 \u00d7 miss, in acc units; lower is better)", arc.prediction().get(5).value());
        assertEquals("own: sized by this fit's 20 back-test errors", arc.predictionNote());
        assertEquals("", arc.degenerate());

        // piqa borrows its law's pooled back-tests: the page says so plainly, as a highlighted fact.
        Views.FitView piqa = fitView(study(), 1);
        Fact scores = piqa.prediction().get(1);
        assertTrue(scores.value().startsWith("pooled: the back-tests of 2 fits of law direct in this study, not this"
                + " fit\u2019s own"), scores.value());
        assertTrue(scores.warn());
        assertTrue(piqa.predictionNote().startsWith("pooled: this fit has 3 back-test errors"));
    }

    @Test
    void runsTableShowsEachHeldOutRunsPredictionIntervalAndWhetherItHeld() {
        Table runs = table(fitView(study(), 0), "Runs");
        assertEquals(List.of("run", "role", "C = 6ND (FLOPs)", "observed acc", "predicted", "relative residual",
                "90% prediction interval low", "90% prediction interval high", "inside", "note"), labels(runs));
        // A fit run has no prediction interval: empty cells, not zeros.
        assertEquals(List.of("", "", ""), texts(runs.rows().get(0)).subList(6, 9));
        assertEquals(List.of("0.65", "0.75", "yes"), texts(runs.rows().get(3)).subList(6, 9));
        // The last held-out run (0.70 below its interval 0.71-0.80) is outside, highlighted.
        Row last = runs.rows().get(10);
        assertEquals(List.of("0.71", "0.8", "no"), texts(last).subList(6, 9));
        assertTrue(last.cells().get(8).strong());
        assertTrue(runs.note().contains("90% prediction interval"), runs.note());
    }

    @Test
    void targetsTableNamesTheConfidenceAndThePredictionInterval() {
        Table targets = table(fitView(study(), 0), "Predictions at targets");
        assertEquals(List.of("C = 6ND (FLOPs)", "predicted acc", "95% confidence interval low",
                "95% confidence interval high", "90% prediction interval low", "90% prediction interval high"),
                labels(targets));
        // The bootstrap's 0.70-0.78 around the curve; a new run there may fall in 0.62-0.86.
        assertEquals(List.of("1e23", "0.74", "0.7", "0.78", "0.62", "0.86"), texts(targets.rows().get(0)));
        assertTrue(targets.note().contains("95% confidence interval is the percentile bootstrap of the fitted curve"),
                targets.note());
    }

    @Test
    void targetsWithoutBootstrapOrBackTestsShowNoEmptyIntervalColumns() {
        // The plain fixture: a target without bootstrap or prediction interval has just x and the prediction.
        FitOutcome f = Fixtures.study().fits().get(0);
        FitOutcome g = FlatFits.fit(f.law(), f.lawKind(), f.formula(), f.dataset(), f.group(), f.line(), f.xLabel(),
                f.yLabel(), f.parameters(), f.optimization(), f.fitMetrics(), f.holdoutMetrics(), f.runs(), f.curve(),
                List.of(new TargetPrediction("", 1e23, 0.74, NaN, NaN)), null, List.of());
        Table t = FitTables.targets(g);
        assertEquals(List.of("C = 6ND (FLOPs)", "predicted acc"), labels(t));
        assertTrue(t.note().contains("No bootstrap") && t.note().contains("No prediction interval"), t.note());
        // …and its runs table has no interval columns.
        assertEquals(7, FitTables.runs(g, "x").columns().size());
    }

    @Test
    void degenerateFitShowsAWarningBoxWithItsReason() {
        StudyResult s = study();
        Views.FitView bnsl = fitView(s, 2);
        assertEquals(DEGENERATE, bnsl.degenerate());
        assertTrue(bnsl.headline().contains(new Fact("degenerate", DEGENERATE, true)));
        String page = new PageRenderer().render("fit.ftlh",
                FitModel.of(s, 2, SiteLayout.fitNames(s.fits()), SiteOptions.DEFAULT));
        assertTrue(page.contains("<p class=\"notice degenerate\" role=\"alert\"><b>&#9888; Degenerate fit:</b> "
                + DEGENERATE + "."), page);
        assertTrue(page.contains("<h2>Prediction intervals</h2>"));
        // A fit that is fine has no warning box.
        String fine = new PageRenderer().render("fit.ftlh",
                FitModel.of(s, 0, SiteLayout.fitNames(s.fits()), SiteOptions.DEFAULT));
        assertFalse(fine.contains("notice degenerate"));
    }

    @Test
    void studyCoverageIsPooledOverFitsNotAveraged() {
        StudyResult s = study();
        // (7 + 4 + 6) / (8 + 4 + 8) = 17/20 = 85%; the mean of the fits' shares would be (87.5 + 100 + 75) / 3.
        List<Fact> coverage = StudyModel.of(s).coverage();
        assertEquals(List.of(new Fact("90% prediction intervals",
                "17/20 (85%) held-out runs inside, over 3 fits (nominal 90%)", false)), coverage);
        List<IntervalViews.Pooled> pooled = IntervalViews.pooled(s.fits());
        assertEquals(List.of(new IntervalViews.Pooled(0.9, 17, 20, 3)), pooled);
        String note = StudyModel.of(s).coverageNote();
        assertTrue(note.contains("a nominal 90% interval should hold about 90% of them"), note);
        assertTrue(note.contains("1 of 3 fits are degenerate"), note);
        // A study without prediction intervals says nothing about them.
        assertEquals(List.of(), StudyModel.of(Fixtures.study()).coverage());
    }

    @Test
    void leaderboardRanksLawsOnHeldOutErrorAndIntervalScoreAndMarksDegenerateFits() {
        Table t = Leaderboard.of(study().fits());
        assertEquals(List.of("group",
                "direct: MRE", "direct: coverage", "direct: interval score", "direct: rank by interval score",
                "bnsl: MRE", "bnsl: coverage", "bnsl: interval score", "bnsl: rank by interval score",
                "best by MRE", "best by interval score"), labels(t));
        // arc: bnsl has the lower MRE (3% < 5%) and the lower interval score (0.09 < 0.12), so ranks 1; its fit is
        // degenerate, marked ⚠ with the reason in the tooltip.
        Row arc = t.rows().get(0);
        assertEquals(List.of("metric=arc", "5%", "7/8", "0.12", "2", "3% \u26a0", "6/8", "0.09", "1", "bnsl", "bnsl"),
                texts(arc));
        assertTrue(arc.cells().get(5).title().endsWith("degenerate fit: " + DEGENERATE), arc.cells().get(5).title());
        assertTrue(arc.cells().get(7).strong());
        assertTrue(arc.cells().get(8).strong());
        assertFalse(arc.cells().get(3).strong());
        // Coverage sorts by the share inside: 7/8 → 0.875.
        assertEquals("0.875", arc.cells().get(2).sort());
        // piqa: bnsl not fitted; direct alone ranks 1.
        assertEquals(List.of("metric=piqa", "2%", "4/4", "0.06", "1", "", "", "", "", "direct", "direct"),
                texts(t.rows().get(1)));
        // The footer sums each law up over its groups: median MRE (5% and 2% → 3.5%), coverage summed over its fits
        // (7 + 4 of 8 + 4 = 11/12), and the interval score averaged over all its judged runs
        // ((0.12 · 8 + 0.06 · 4) / 12 = 0.1), which ranks bnsl (0.09) first.
        assertEquals(1, t.footer().size());
        assertEquals(List.of("all groups", "3.5%", "11/12 (91.7%)", "0.1", "2", "3%", "6/8 (75%)", "0.09", "1",
                "bnsl", "bnsl"), texts(t.footer().get(0)));
        assertTrue(t.note().contains("\u26a0 marks a degenerate fit"), t.note());
        // The overview of fits marks the degenerate one too.
        assertTrue(StudyModel.of(study()).overview().rows().get(2).cells().get(0).text().endsWith("\u26a0"));
    }

    @Test
    void leaderboardFooterStaysUnderTheSortedRows() {
        String page = new PageRenderer().render("study.ftlh", StudyModel.of(study()));
        int body = page.indexOf("<tbody>", page.indexOf("class=\"sortable leaderboard\""));
        int foot = page.indexOf("<tfoot>", body);
        assertTrue(body > 0 && foot > body, "leaderboard has a tbody, then a tfoot");
        assertTrue(page.substring(foot, page.indexOf("</tfoot>", foot)).contains("all groups"));
        assertTrue(page.contains("Do the prediction intervals hold what they claim?"));
        // An empty cell of a numeric column is a bare <td> (nothing to sort by, and fewer bytes).
        assertTrue(page.contains("<td></td>"));
    }

    @Test
    void scalingChartDrawsBothBandsEachNamedAndTheHeldOutRunsAndTargetsIntervals() {
        FitOutcome f = study().fits().get(0);
        JsonNode spec = ScalingChart.INSTANCE.spec(f);
        List<String> layers = new ArrayList<>();
        spec.path("layer").forEach(l -> layers.add(l.path("name").asText()));
        // The wider prediction band under the confidence band, both under the curve; the error bars under the points.
        assertEquals(List.of("prediction-band", "band", "curve", "fit-edge", "fit-edge-label", "holdout-intervals",
                "runs", "target-prediction-intervals", "target-intervals", "targets"), layers);
        String pi = "90% prediction interval (back-tested)";
        String ci = "95% confidence band of the curve (bootstrap)";
        JsonNode predictionFill = SiteBuilderTest.layer(spec, "prediction-band").path("encoding").path("fill");
        JsonNode confidenceFill = SiteBuilderTest.layer(spec, "band").path("encoding").path("fill");
        assertEquals(pi, predictionFill.path("datum").asText());
        assertEquals(ci, confidenceFill.path("datum").asText());
        // One legend, "interval", naming both in the same colours.
        assertEquals("[\"" + pi + "\",\"" + ci + "\"]", predictionFill.path("scale").path("domain").toString());
        assertEquals(predictionFill.path("scale"), confidenceFill.path("scale"));
        assertEquals("[\"" + ScalingChart.PREDICTION_FILL + "\",\"" + ScalingChart.CONFIDENCE_FILL + "\"]",
                predictionFill.path("scale").path("range").toString());
        JsonNode band = SiteBuilderTest.layer(spec, "prediction-band").path("data").path("values");
        assertEquals(0.86, band.get(2).path("high").asDouble());
        // Every held-out run's interval, the 8th outside.
        JsonNode bars = SiteBuilderTest.layer(spec, "holdout-intervals");
        assertEquals("errorbar", bars.path("mark").path("type").asText());
        assertEquals(8, bars.path("data").path("values").size());
        assertEquals("no", bars.path("data").path("values").get(7).path("inside").asText());
        assertEquals(0.71, bars.path("data").path("values").get(7).path("low").asDouble());
        // The target: its prediction interval (0.62-0.86) and its confidence interval (0.70-0.78), both in the tooltip.
        JsonNode target = SiteBuilderTest.layer(spec, "targets");
        assertEquals(0.62, target.path("data").path("values").get(0).path("piLow").asDouble());
        assertEquals(0.70, target.path("data").path("values").get(0).path("low").asDouble());
        List<String> tips = new ArrayList<>();
        target.path("encoding").path("tooltip").forEach(tip -> tips.add(tip.path("title").asText()));
        assertTrue(tips.containsAll(List.of("95% confidence interval low", "90% prediction interval high")), tips.toString());
        assertEquals("piLow", SiteBuilderTest.layer(spec, "target-prediction-intervals").path("encoding").path("y")
                .path("field").asText());
        // The caption names both.
        String caption = ScalingChart.INSTANCE.caption(f);
        assertTrue(caption.contains(ci) && caption.contains(pi), caption);
        assertTrue(caption.contains("error bars on held-out runs and targets are their 90% prediction intervals"),
                caption);
    }

    @Test
    void predictionBandIsThinnedAndRounded() {
        FitOutcome f = study().fits().get(0);
        List<Uncertainty.BandPoint> dense = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double x = Math.pow(10, 19 + 4 * i / 99.0);
            dense.add(new Uncertainty.BandPoint("", x, 0.5 - 1e-9 * i, 0.6123456789));
        }
        PredictionSummary p = f.prediction();
        FitOutcome g = f.withPrediction(f.runs(), f.targets(), new PredictionSummary(p.level(), p.scores(),
                p.backtestErrors(), p.pooledFits(), p.quantile(), p.holdoutRuns(), p.holdoutInside(),
                p.intervalScore(), p.note(), dense));
        JsonNode values = SiteBuilderTest.layer(ScalingChart.INSTANCE.spec(g), "prediction-band").path("data")
                .path("values");
        // At most 30 points a series, the first and the last kept; 5 significant digits.
        assertEquals(ScalingChart.BAND_POINTS, values.size());
        assertEquals(1e19, values.get(0).path("x").asDouble());
        assertEquals(1e23, values.get(29).path("x").asDouble(), 1e23 * 1e-12);
        assertEquals(0.61235, values.get(0).path("high").asDouble());
    }

    @Test
    void scalingChartTableHasTheIntervalsTheChartDraws() {
        Table t = ScalingChart.INSTANCE.table(study().fits().get(0));
        assertEquals(List.of("run", "role", "C = 6ND (FLOPs)", "observed acc", "predicted",
                "95% confidence interval low", "95% confidence interval high", "90% prediction interval low",
                "90% prediction interval high"), labels(t));
        // 3 fit runs + 8 held-out runs + 1 target, as the chart draws them.
        assertEquals(12, t.rows().size());
        assertEquals(List.of("", "", "0.71", "0.8"), texts(t.rows().get(10)).subList(5, 9));
        assertEquals(List.of("0.7", "0.78", "0.62", "0.86"), texts(t.rows().get(11)).subList(5, 9));
    }

    @Test
    void predictionsDownloadCarriesBothIntervalsNamed() throws IOException {
        Downloads.Sheet sheet = Downloads.predictions(study().fits().subList(0, 1));
        assertEquals(List.of("law", "dataset", "group", "kind", "run", "role", "series", "x", "observed", "predicted",
                "ci_low", "ci_high", "pi_level", "pi_low", "pi_high"), sheet.columns());
        String csv = Downloads.csv(sheet);
        // A fit run: no interval. A held-out run: its prediction interval. The target: both.
        assertTrue(csv.contains("direct,runs,metric=arc,run,r1,fit,,1.0E19,0.41,0.4,,,,,\n"), csv);
        assertTrue(csv.contains("direct,runs,metric=arc,run,h7,holdout,,1.6E22,0.7,0.69,,,0.9,0.71,0.8\n"), csv);
        assertTrue(csv.contains("direct,runs,metric=arc,target,,,,1.0E23,,0.74,0.7,0.78,0.9,0.62,0.86\n"), csv);
        assertEquals(Downloads.jsonTree(sheet), Downloads.json(sheet));
    }

    @Test
    void studyTextInNotesAndReasonsIsEscaped() throws IOException {
        String hostile = "<script>alert('x')</script>";
        StudyResult s = study();
        List<FitOutcome> fits = new ArrayList<>(s.fits());
        FitOutcome f = fits.get(0);
        PredictionSummary p = f.prediction();
        fits.set(0, f.withPrediction(f.runs(), f.targets(), new PredictionSummary(p.level(), p.scores(),
                p.backtestErrors(), p.pooledFits(), p.quantile(), p.holdoutRuns(), p.holdoutInside(),
                p.intervalScore(), "own: " + hostile, p.band())).withDegenerate(hostile));
        StudyResult h = new StudyResult(s.slug(), s.title(), s.description(), s.sourceFile(), s.sourceText(),
                s.sourceSha256(), s.datasets(), fits, s.report());
        Path site = tmp.resolve("site");
        new SiteBuilder().build(List.of(h), site);
        String study = Files.readString(site.resolve("ladder/index.html"));
        String fit = Files.readString(site.resolve("ladder/fits/direct--runs--metric-arc.html"));
        for (String html : List.of(study, fit)) {
            assertFalse(html.contains(hostile), "raw text from the study");
        }
        assertTrue(fit.contains("Degenerate fit:</b> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;."), fit);
        assertTrue(fit.contains("How the scores were chosen: own: &lt;script&gt;"), fit);
        assertTrue(study.contains("degenerate fit: &lt;script&gt;"), "leaderboard tooltip escaped");
    }

    @Test
    void aFitWithoutPredictionIntervalsSaysSo() {
        StudyResult s = Fixtures.study();
        Views.FitView f = fitView(s, 0);
        assertEquals(List.of(), f.prediction());
        assertNull(IntervalViews.headline(s.fits().get(0)));
        String page = new PageRenderer().render("fit.ftlh",
                FitModel.of(s, 0, SiteLayout.fitNames(s.fits()), SiteOptions.DEFAULT));
        assertTrue(page.contains("No prediction intervals: the law has no back-tests to size them."), page);
    }

    @Test
    void ranksShareTiesAndSkipMissingValues() {
        var values = new java.util.LinkedHashMap<String, Double>();
        values.put("a", 0.2);
        values.put("b", 0.1);
        values.put("c", 0.2);
        values.put("d", NaN);
        // b lowest; a and c tie for second; d has no score, so no rank.
        assertEquals(java.util.Map.of("a", 2, "b", 1, "c", 2), Leaderboard.ranks(values));
        assertEquals("b", Leaderboard.lowest(values));
    }
}
