package org.scalestudy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Compares two builds, each a map from study slug to its parsed {@code results.json}: which studies and fits
 * were added or removed, and for each fit in both, the parameters, errors (fit and holdout MAE, MRE, RMSE, R²,
 * and their n) and predictions (held-out runs and targets) that differ beyond a {@link Tolerance}.
 * A fit is known by its law, dataset and group; a run by its id; a target by its series and x.
 */
public final class ResultsDiff {
    private static final List<String> METRICS = List.of("n", "mae", "mre", "rmse", "r2");

    /** Everything that differs between two builds. */
    public record Report(List<String> studiesAdded, List<String> studiesRemoved, List<StudyChanges> studies) {
        public boolean isEmpty() {
            return studiesAdded.isEmpty() && studiesRemoved.isEmpty() && studies.isEmpty();
        }
    }

    /** What differs in one study present in both builds; listed only when something does. */
    public record StudyChanges(String slug, String title, List<String> fitsAdded, List<String> fitsRemoved,
                               List<FitChanges> fits, List<DecisionChange> decisions) {
        public StudyChanges(String slug, String title, List<String> fitsAdded, List<String> fitsRemoved,
                            List<FitChanges> fits) {
            this(slug, title, fitsAdded, fitsRemoved, fits, List.of());
        }

        boolean isEmpty() {
            return fitsAdded.isEmpty() && fitsRemoved.isEmpty() && fits.isEmpty() && decisions.isEmpty();
        }
    }

    /**
     * A decision ({@code compare}) whose predicted winner, winner probability or verdict on the held-out runs
     * differs; a decision in one build only has "" as the other winner.
     *
     * @param decision    {@code law on dataset: compare column [context] at target}
     * @param winner      the predicted winner before and after
     * @param probability P(winner) before and after (NaN when undefined)
     * @param correct     whether the winner was right before and after ("yes", "no", or "—" when not scored)
     */
    public record DecisionChange(String decision, List<String> winner, List<Double> probability,
                                 List<String> correct) { }

    /** What differs in one fit present in both builds; listed only when something does. */
    public record FitChanges(String fit, List<Change> parameters, List<Change> errors, List<Change> predictions) { }

    private ResultsDiff() {
    }

    public static Report compare(SortedMap<String, JsonNode> before, SortedMap<String, JsonNode> after,
                                 Tolerance tolerance) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<StudyChanges> studies = new ArrayList<>();
        for (String slug : after.keySet()) {
            if (!before.containsKey(slug)) {
                added.add(slug);
            }
        }
        for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
            JsonNode other = after.get(entry.getKey());
            if (other == null) {
                removed.add(entry.getKey());
                continue;
            }
            StudyChanges changes = study(entry.getKey(), entry.getValue(), other, tolerance);
            if (!changes.isEmpty()) {
                studies.add(changes);
            }
        }
        return new Report(added, removed, studies);
    }

    static StudyChanges study(String slug, JsonNode before, JsonNode after, Tolerance tolerance) {
        Map<String, JsonNode> a = fits(before);
        Map<String, JsonNode> b = fits(after);
        List<String> added = b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
        List<String> removed = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        List<FitChanges> changed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : a.entrySet()) {
            JsonNode other = b.get(entry.getKey());
            if (other != null) {
                FitChanges fit = fit(entry.getKey(), entry.getValue(), other, tolerance);
                if (!fit.parameters().isEmpty() || !fit.errors().isEmpty() || !fit.predictions().isEmpty()) {
                    changed.add(fit);
                }
            }
        }
        return new StudyChanges(slug, after.path("title").asText(""), added, removed, changed,
                decisions(before, after, tolerance));
    }

    /** The decisions whose winner, P(winner) (beyond the tolerance) or verdict changed, in the order of each build. */
    static List<DecisionChange> decisions(JsonNode before, JsonNode after, Tolerance tolerance) {
        Map<String, JsonNode> a = decisionsByName(before);
        Map<String, JsonNode> b = decisionsByName(after);
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(names::add);
        List<DecisionChange> out = new ArrayList<>();
        for (String name : names) {
            JsonNode x = a.get(name);
            JsonNode y = b.get(name);
            String w0 = winner(x);
            String w1 = winner(y);
            double p0 = x == null ? Double.NaN : number(x.path("winnerProbability"));
            double p1 = y == null ? Double.NaN : number(y.path("winnerProbability"));
            String c0 = verdict(x);
            String c1 = verdict(y);
            if (x == null || y == null || !w0.equals(w1) || !tolerance.same(p0, p1) || !c0.equals(c1)) {
                out.add(new DecisionChange(name, List.of(w0, w1), List.of(p0, p1), List.of(c0, c1)));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> decisionsByName(JsonNode study) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode d : study.path("decisions")) {
            String context = d.path("context").asText("");
            String series = d.path("series").asText("");
            out.put(d.path("law").asText() + " on " + d.path("dataset").asText() + ": " + d.path("compare").asText()
                    + (context.isEmpty() ? "" : " [" + context + "]") + " at " + d.path("at").asText()
                    + (series.isEmpty() ? "" : " [" + series + "]"), d);
        }
        return out;
    }

    private static String winner(JsonNode decision) {
        if (decision == null) {
            return "";
        }
        JsonNode first = decision.path("choices").path(0);
        return first.path("rank").asInt(0) == 1 ? first.path("value").asText("") : "";
    }

    private static String verdict(JsonNode decision) {
        JsonNode v = decision == null ? null : decision.get("winnerCorrect");
        return v == null || !v.isBoolean() ? "—" : v.asBoolean() ? "yes" : "no";
    }

    /** Fits in file order, known as {@code law on dataset [group]}. */
    static Map<String, JsonNode> fits(JsonNode study) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode fit : study.path("fits")) {
            String group = fit.path("group").asText("");
            out.put(fit.path("law").asText() + " on " + fit.path("dataset").asText()
                    + (group.isEmpty() ? "" : " [" + group + "]"), fit);
        }
        return out;
    }

    static FitChanges fit(String name, JsonNode before, JsonNode after, Tolerance tolerance) {
        List<Change> parameters = new ArrayList<>();
        Map<String, Double> pa = named(before.path("parameters"), "name", "value");
        Map<String, Double> pb = named(after.path("parameters"), "name", "value");
        compareMaps(pa, pb, tolerance, parameters);

        List<Change> errors = new ArrayList<>();
        for (String set : List.of("fit", "holdout")) {
            for (String metric : METRICS) {
                double x = number(before.path(set + "Metrics").path(metric));
                double y = number(after.path(set + "Metrics").path(metric));
                if (!tolerance.same(x, y)) {
                    errors.add(new Change(set + " " + label(metric), x, y));
                }
            }
        }

        List<Change> predictions = new ArrayList<>();
        compareMaps(holdoutPredictions(before), holdoutPredictions(after), tolerance, predictions);
        compareMaps(targets(before), targets(after), tolerance, predictions);
        return new FitChanges(name, parameters, errors, predictions);
    }

    /** Adds a change for every key whose values differ, in the order of {@code a} then keys only in {@code b}. */
    private static void compareMaps(Map<String, Double> a, Map<String, Double> b, Tolerance tolerance,
                                    List<Change> out) {
        for (Map.Entry<String, Double> e : a.entrySet()) {
            double y = b.getOrDefault(e.getKey(), Double.NaN);
            if (!tolerance.same(e.getValue(), y)) {
                out.add(new Change(e.getKey(), e.getValue(), y));
            }
        }
        for (Map.Entry<String, Double> e : b.entrySet()) {
            if (!a.containsKey(e.getKey()) && !tolerance.same(Double.NaN, e.getValue())) {
                out.add(new Change(e.getKey(), Double.NaN, e.getValue()));
            }
        }
    }

    private static Map<String, Double> named(JsonNode array, String key, String value) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode item : array) {
            out.put(item.path(key).asText(), number(item.path(value)));
        }
        return out;
    }

    private static Map<String, Double> holdoutPredictions(JsonNode fit) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode run : fit.path("runs")) {
            if (run.path("role").asText().equals("holdout")) {
                // Ids need not be unique (a run column shared by several metrics): the k-th repeat is "id #k".
                String key = "run " + run.path("id").asText();
                for (int k = 2; out.containsKey(key); k++) {
                    key = "run " + run.path("id").asText() + " #" + k;
                }
                out.put(key, number(run.path("predicted")));
            }
        }
        return out;
    }

    private static Map<String, Double> targets(JsonNode fit) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode target : fit.path("targets")) {
            String series = target.path("series").asText("");
            out.put("target x=" + MarkdownDiff.number(number(target.path("x"))) + (series.isEmpty() ? "" : " [" + series + "]"),
                    number(target.path("predicted")));
        }
        return out;
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static String label(String metric) {
        return switch (metric) {
            case "r2" -> "R²";
            case "n" -> "n";
            default -> metric.toUpperCase(java.util.Locale.ROOT);
        };
    }
}
