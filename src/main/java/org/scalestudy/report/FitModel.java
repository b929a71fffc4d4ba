package org.scalestudy.report;

import org.scalestudy.report.Views.ChartView;
import org.scalestudy.report.Views.Fact;
import org.scalestudy.report.Views.FitPage;
import org.scalestudy.report.Views.FitView;
import org.scalestudy.report.Views.Frame;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.ChartName;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.StudyResult;
import org.scalestudy.results.TableName;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.scalestudy.report.PageText.fitName;
import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.PageText.text;

/**
 * A fit's page: its charts ({@link FitChart}) and tables ({@link FitTables}) as the study's report block asks for
 * them, its optimisation facts, links to the study page and to the fits before and after it, and its downloads.
 */
final class FitModel {

    private FitModel() {
    }

    /**
     * The page of fit {@code index} (from 0) of study {@code s}: its charts and tables as the study's report block
     * asks for them, its optimisation facts, links to the study page and to the fits before and after it, and its
     * downloads.
     *
     * @param names the fits' names, {@link SiteLayout#fitNames} of the study's fits
     */
    static FitPage of(StudyResult s, int index, List<String> names, SiteOptions options) {
        FitOutcome f = s.fits().get(index);
        String name = names.get(index);
        String study = "../" + SiteLayout.INDEX;
        FitView view = fit(index + 1, f, s.report().charts(), s.report().tables(), study);
        String description = fitName(f) + ": " + text(f.law()) + " (" + text(f.lawKind()) + ") fitted to "
                + text(f.dataset()) + (text(f.group()).isEmpty() ? "" : ", group " + text(f.group()))
                + ", in \u201c" + text(s.title()) + "\u201d.";
        Frame frame = new Frame(fitName(f) + " \u2014 " + text(s.title()) + " \u2014 scalestudy", description,
                "../" + StudyModel.ASSETS_FROM_STUDY,
                options.baseUrl().isEmpty() ? "" : options.baseUrl() + s.slug() + "/" + SiteLayout.fitPage(name),
                options.toolVersion(), StudyModel.provenance(s));
        int n = s.fits().size();
        return new FitPage(
                frame,
                text(s.title()),
                study,
                "../../" + SiteLayout.INDEX,
                "fit " + Numbers.count(index + 1) + " of " + Numbers.count(n),
                index > 0 ? names.get(index - 1) + ".html" : "",
                index > 0 ? fitName(s.fits().get(index - 1)) : "",
                index + 1 < n ? names.get(index + 1) + ".html" : "",
                index + 1 < n ? fitName(s.fits().get(index + 1)) : "",
                view,
                SiteLayout.fitJson(name),
                SiteLayout.fitCsv(name),
                "../" + SiteLayout.RESULTS,
                !view.charts().isEmpty(),
                Markdown.html(s.report().fitNote(f.line())));
    }

    /** @param studyHref the study's page, relative to the fit's page (for the link to the fit's study line) */
    private static FitView fit(int index, FitOutcome f, List<ChartName> charts, List<TableName> tables,
                               String studyHref) {
        String anchor = "fit-" + index;
        // The scaling, residuals and parity charts draw the runs (and scaling the targets): their numbers are all in
        // the runs table (and the targets table), shown whenever one of them is, instead of a copy under each chart.
        Set<TableName> shown = new LinkedHashSet<>(tables);
        if (charts.stream().anyMatch(ChartName::drawsRuns)) {
            shown.add(TableName.RUNS);
            if (charts.contains(ChartName.SCALING)) {
                shown.add(TableName.TARGETS);
            }
        }
        String runsId = anchor + "-runs";
        List<ChartView> chartViews = new ArrayList<>();
        for (ChartName c : charts) {
            FitChart<?> chart = FitChart.of(c);
            String id = anchor + "-" + c.text();
            boolean inRuns = c.drawsRuns();
            boolean withTargets = c == ChartName.SCALING && !orEmpty(f.targets()).isEmpty();
            String dataLabel = "the runs table" + (withTargets ? " and the targets table" : "") + " below";
            chartViews.add(new ChartView(id, id + "-spec", chart.caption(f), JsonSupport.htmlSafe(chart.spec(f)),
                    inRuns ? null : chart.table(f), inRuns ? "#" + runsId : "", inRuns ? dataLabel : ""));
        }
        List<Table> tableViews = new ArrayList<>();
        for (TableName t : shown) {
            if (t == TableName.TARGETS && orEmpty(f.targets()).isEmpty()) {
                continue; // the study names no targets for this fit
            }
            tableViews.add(switch (t) {
                case PARAMETERS -> FitTables.parameters(f);
                case ERRORS -> FitTables.errors(f);
                case RUNS -> FitTables.runs(f, runsId);
                case TARGETS -> FitTables.targets(f);
            });
        }
        if (!orEmpty(f.computeOptimal()).isEmpty()) {
            tableViews.add(FitTables.computeOptimal(f));
        }
        OptimizeResult o = f.optimization();
        List<Fact> facts = new ArrayList<>();
        boolean converged = o != null && o.converged();
        if (o != null) {
            facts.add(new Fact("method", text(o.method()), false));
            facts.add(new Fact("objective", Numbers.format(o.objective()), false));
            facts.add(new Fact("converged", o.converged() ? "yes" : "no", !o.converged()));
            facts.add(new Fact("iterations", Numbers.count(o.iterations()), false));
            facts.add(new Fact("evaluations", Numbers.count(o.evaluations()), false));
            facts.add(new Fact("starts", Numbers.count(o.starts()), false));
            facts.add(new Fact("starts at best", Numbers.count(o.startsAtBest()) + " of " + Numbers.count(o.starts()),
                    o.starts() > 1 && o.startsAtBest() <= 1));
            facts.add(new Fact("gradient norm", Numbers.format(o.gradientNorm()), false));
            facts.add(new Fact("message", text(o.message()), false));
        } else {
            facts.add(new Fact("optimisation", "not reported", true));
        }
        boolean attention = facts.stream().anyMatch(Fact::warn);
        String summary = o == null ? "not reported"
                : text(o.method()) + (o.converged() ? ", converged" : ", NOT converged")
                + (o.starts() > 1 ? ", " + Numbers.count(o.startsAtBest()) + " of " + Numbers.count(o.starts())
                + " starts at best" : "");
        return new FitView(
                anchor,
                fitName(f),
                text(f.law()),
                text(f.lawKind()),
                text(f.formula()),
                text(f.dataset()),
                text(f.group()),
                f.line() > 0 ? Integer.toString(f.line()) : "",
                f.line() > 0 ? studyHref + "#L" + f.line() : "",
                converged,
                attention,
                headline(f),
                chartViews,
                tableViews,
                summary,
                facts,
                text(f.degenerate()),
                IntervalViews.facts(f),
                f.prediction() == null ? "" : text(f.prediction().note()));
    }

    private static List<Fact> headline(FitOutcome f) {
        List<Fact> facts = new ArrayList<>();
        Metrics h = f.holdoutMetrics();
        Metrics m = f.fitMetrics();
        if (h != null && h.n() > 0) {
            facts.add(new Fact("holdout MRE", Numbers.percent(h.mre()) + " on " + Numbers.count(h.n()) + " run"
                    + (h.n() == 1 ? "" : "s"), false));
        } else {
            facts.add(new Fact("holdout", "none", false));
        }
        if (m != null && m.n() > 0) {
            facts.add(new Fact("fit MRE", Numbers.percent(m.mre()) + " on " + Numbers.count(m.n()) + " run"
                    + (m.n() == 1 ? "" : "s"), false));
            facts.add(new Fact("fit R\u00b2", Numbers.format(m.r2()), false));
        }
        Fact coverage = IntervalViews.headline(f);
        if (coverage != null) {
            facts.add(coverage);
        }
        if (!text(f.degenerate()).isEmpty()) {
            facts.add(new Fact("degenerate", text(f.degenerate()), true));
        }
        long onBound = orEmpty(f.parameters()).stream().filter(p -> !text(p.onBound()).isEmpty()).count();
        if (onBound > 0) {
            facts.add(new Fact("on a bound", Numbers.count(onBound) + " parameter" + (onBound == 1 ? "" : "s"), true));
        }
        if (f.uncertainty() != null) {
            int failed = f.uncertainty().failed();
            facts.add(new Fact("bootstrap", Numbers.count(f.uncertainty().resamples()) + " resamples, "
                    + Numbers.percent(f.uncertainty().level()) + " intervals"
                    + (failed > 0 ? ", " + Numbers.count(failed) + " refits failed" : ""), failed > 0));
        }
        return facts;
    }
}
