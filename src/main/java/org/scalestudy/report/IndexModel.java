package org.scalestudy.report;

import org.scalestudy.report.Views.Frame;
import org.scalestudy.report.Views.IndexPage;
import org.scalestudy.report.Views.StudyEntry;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.results.StudyResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
            Map<String, Double> medians = medianHoldoutMre(fits(s));
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

    /** Per law (in study order), the median holdout MRE over its fits with holdout rows (NaN when none). */
    static Map<String, Double> medianHoldoutMre(List<FitOutcome> fits) {
        Map<String, List<Double>> byLaw = new LinkedHashMap<>();
        for (FitOutcome f : fits) {
            List<Double> values = byLaw.computeIfAbsent(text(f.law()), k -> new ArrayList<>());
            Metrics h = f.holdoutMetrics();
            if (h != null && h.n() > 0 && Double.isFinite(h.mre())) {
                values.add(h.mre());
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        byLaw.forEach((law, values) -> medians.put(law, median(values)));
        return medians;
    }

    /** The median (mean of the middle two for an even count); NaN when empty. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<FitOutcome> fits(StudyResult s) {
        return orEmpty(s.fits());
    }
}
