package org.scalestudy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The rules under which {@code diff} fails a check, and the reasons two builds break them. Each rule is off
 * unless set:
 *
 * <ul>
 *   <li>{@code mrePoints}: a fit's holdout MRE grew by more than this many percentage points
 *       (0.5 means 3.0% → 3.6% fails), became undefined, or is infinite before or after;</li>
 *   <li>{@code parameterPercent}: a fitted parameter moved by more than this percentage of its value before
 *       (from 0, any move; to or from undefined, always; an infinite value before or after, always);</li>
 *   <li>{@code lostFits}: a fit (or a whole study) is gone, or converged before and does not now.</li>
 * </ul>
 *
 * A change exactly at a threshold passes (with {@value #SLACK} of slack for rounding). Fits are matched as in {@link ResultsDiff} (law, dataset, group); a fit only in the second build breaks no
 * rule.
 *
 * @param mrePoints        NaN when off
 * @param parameterPercent NaN when off
 * @param lostFits         whether lost or no longer converging fits fail
 */
public record Gate(double mrePoints, double parameterPercent, boolean lostFits) {
    public static final Gate NONE = new Gate(Double.NaN, Double.NaN, false);
    /** Rounding slack, in points or percent: a change that lands on a threshold (3.0% → 3.5% at 0.5) passes. */
    static final double SLACK = 1e-9;

    public Gate {
        if (!Double.isNaN(mrePoints) && !(mrePoints >= 0 && Double.isFinite(mrePoints))) {
            throw new IllegalArgumentException("--fail-on-mre-increase takes a finite number of points >= 0");
        }
        if (!Double.isNaN(parameterPercent) && !(parameterPercent >= 0 && Double.isFinite(parameterPercent))) {
            throw new IllegalArgumentException("--fail-on-parameter-change takes a finite percentage >= 0");
        }
    }

    /** One broken rule: in which study and fit ("" for a whole study), and what happened. */
    public record Failure(String study, String fit, String reason) {
        /** Plain text, for the terminal. */
        public String text() {
            return study + (fit.isEmpty() ? "" : ": " + fit) + ": " + reason;
        }
    }

    /** Whether any rule is set. */
    public boolean active() {
        return !Double.isNaN(mrePoints) || !Double.isNaN(parameterPercent) || lostFits;
    }

    /** The rules that are set, in words (for the comment when nothing broke them). */
    public List<String> rules() {
        List<String> out = new ArrayList<>();
        if (!Double.isNaN(mrePoints)) {
            out.add("no holdout MRE grows by more than " + MarkdownDiff.number(mrePoints) + " points");
        }
        if (!Double.isNaN(parameterPercent)) {
            out.add("no parameter moves by more than " + MarkdownDiff.number(parameterPercent) + "%");
        }
        if (lostFits) {
            out.add("no fit is lost or stops converging");
        }
        return out;
    }

    /** Every rule the second build breaks against the first, study by study, fit by fit (in file order). */
    public List<Failure> check(SortedMap<String, JsonNode> before, SortedMap<String, JsonNode> after) {
        List<Failure> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> study : before.entrySet()) {
            String slug = study.getKey();
            JsonNode other = after.get(slug);
            if (other == null) {
                if (lostFits && study.getValue().path("fits").size() > 0) {
                    out.add(new Failure(slug, "", "the study is gone (it had " + study.getValue().path("fits").size()
                            + " fits)"));
                }
                continue;
            }
            Map<String, JsonNode> a = ResultsDiff.fits(study.getValue());
            Map<String, JsonNode> b = ResultsDiff.fits(other);
            for (Map.Entry<String, JsonNode> fit : a.entrySet()) {
                JsonNode now = b.get(fit.getKey());
                if (now == null) {
                    if (lostFits) {
                        out.add(new Failure(slug, fit.getKey(), "the fit is gone"));
                    }
                    continue;
                }
                fit(slug, fit.getKey(), fit.getValue(), now, out);
            }
        }
        return out;
    }

    private void fit(String slug, String name, JsonNode before, JsonNode after, List<Failure> out) {
        if (lostFits && before.path("optimization").path("converged").asBoolean(false)
                && !after.path("optimization").path("converged").asBoolean(false)) {
            out.add(new Failure(slug, name, "the fit converged before and does not now ("
                    + after.path("optimization").path("message").asText("") + ")"));
        }
        if (!Double.isNaN(mrePoints) && before.path("holdoutMetrics").path("n").asInt(0) > 0) {
            double was = number(before.path("holdoutMetrics").path("mre"));
            double is = number(after.path("holdoutMetrics").path("mre"));
            if (Double.isInfinite(was) || Double.isInfinite(is)) {
                out.add(new Failure(slug, name, "holdout MRE " + MarkdownDiff.number(was) + " → "
                        + MarkdownDiff.number(is) + " is not finite"));
            } else if (Double.isFinite(was) && !Double.isFinite(is)) {
                out.add(new Failure(slug, name, "holdout MRE " + percent(was) + " became undefined"));
            } else if (Double.isFinite(was) && 100 * (is - was) > mrePoints + SLACK) {
                out.add(new Failure(slug, name, "holdout MRE " + percent(was) + " → " + percent(is) + " ("
                        + String.format(Locale.ROOT, "%+.2f", 100 * (is - was)) + " points, more than "
                        + MarkdownDiff.number(mrePoints) + ")"));
            }
        }
        if (!Double.isNaN(parameterPercent)) {
            Map<String, Double> now = new java.util.LinkedHashMap<>();
            for (JsonNode p : after.path("parameters")) {
                now.put(p.path("name").asText(), number(p.path("value")));
            }
            for (JsonNode p : before.path("parameters")) {
                String parameter = p.path("name").asText();
                if (!now.containsKey(parameter)) {
                    continue;  // the law changed; the diff lists it
                }
                double was = number(p.path("value"));
                double is = now.get(parameter);
                if (Double.isNaN(was) && Double.isNaN(is)) {
                    continue;
                }
                boolean moved;
                String by;
                if (Double.isNaN(was) || Double.isNaN(is)) {
                    moved = true;
                    by = "defined in one build only";
                } else if (Double.isInfinite(was) || Double.isInfinite(is)) {
                    moved = true;
                    by = "not finite";
                } else if (was == 0) {
                    moved = is != 0;
                    by = "from 0";
                } else {
                    double relative = 100 * Math.abs(is - was) / Math.abs(was);
                    moved = relative > parameterPercent + SLACK;
                    by = String.format(Locale.ROOT, "%+.2f%%", 100 * (is - was) / Math.abs(was));
                }
                if (moved) {
                    out.add(new Failure(slug, name, "parameter " + parameter + " " + MarkdownDiff.number(was) + " → "
                            + MarkdownDiff.number(is) + " (" + by + ", more than " + MarkdownDiff.number(parameterPercent)
                            + "%)"));
                }
            }
        }
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }
}
