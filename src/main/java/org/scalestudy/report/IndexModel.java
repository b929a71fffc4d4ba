package org.scalestudy.report;

import org.scalestudy.report.Views.Frame;
import org.scalestudy.report.Views.IndexPage;
import org.scalestudy.report.Views.StudyEntry;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.StudyResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.scalestudy.report.PageText.fitName;
import static org.scalestudy.report.PageText.orEmpty;
import static org.scalestudy.report.PageText.text;

/** The site's index page: a card per study, with its runs, fits, laws and the law that extrapolates best. */
final class IndexModel {

    private IndexModel() {
    }

    static IndexPage of(List<StudyResult> studies) {
        return of(studies, SiteOptions.DEFAULT);
    }

    static IndexPage of(List<StudyResult> studies, SiteOptions options) {
        List<StudyEntry> entries = new ArrayList<>();
        for (StudyResult s : studies) {
            FitOutcome best = null;
            for (FitOutcome f : fits(s)) {
                Metrics h = f.holdoutMetrics();
                if (h != null && h.n() > 0 && Double.isFinite(h.mre())
                        && (best == null || h.mre() < best.holdoutMetrics().mre())) {
                    best = f;
                }
            }
            int runs = 0;
            for (DatasetSummary d : orEmpty(s.datasets())) {
                runs += d.rows();
            }
            Map<String, Double> medians = Leaderboard.medianHoldoutMre(fits(s));
            String bestLaw = "";
            double bestLawMre = Double.NaN;
            for (Map.Entry<String, Double> e : medians.entrySet()) {
                if (Double.isFinite(e.getValue()) && (bestLaw.isEmpty() || e.getValue() < bestLawMre)) {
                    bestLaw = e.getKey();
                    bestLawMre = e.getValue();
                }
            }
            entries.add(new StudyEntry(
                    s.slug() + "/" + SiteLayout.INDEX,
                    text(s.title()),
                    Markdown.plain(s.description()),
                    Numbers.count(runs),
                    Numbers.count(fits(s).size()),
                    Numbers.count(medians.size()),
                    bestLaw,
                    Numbers.percent(bestLawMre),
                    best == null ? Numbers.MISSING : Numbers.percent(best.holdoutMetrics().mre()),
                    best == null ? "" : fitName(best)));
        }
        String title = "Scaling studies";
        Frame frame = new Frame(title, "Scaling-law studies: fitted laws and how well they extrapolate.",
                SiteLayout.ASSETS + "/", options.baseUrl().isEmpty() ? "" : options.baseUrl(),
                options.toolVersion(), List.of());
        return new IndexPage(frame, title, entries);
    }

    private static List<FitOutcome> fits(StudyResult s) {
        return orEmpty(s.fits());
    }
}
