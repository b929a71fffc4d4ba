package org.scalestudy.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalestudy.report.Views.Cell;
import org.scalestudy.report.Views.Column;
import org.scalestudy.report.Views.Row;
import org.scalestudy.report.Views.Table;
import org.scalestudy.results.Decision;
import org.scalestudy.results.DecisionScore;
import org.scalestudy.results.SharedFit;

/**
 * The study page's "Which choice wins at scale" section: one table per {@code compare} clause and law, a row per
 * context and target, with each choice's prediction (and its observation), the bootstrap probabilities and
 * whether the predicted winner was the observed one; above them, how often the predictions were right.
 */
public final class DecisionViews {
    private DecisionViews() {
    }

    /** The section; {@code tables} is empty when the study compares nothing. */
    public record DecisionSection(String summary, List<Table> tables) { }

    static DecisionSection of(List<Decision> decisions) {
        return of(decisions, List.of(), List.of());
    }

    /** The section with the rules' scores and the joint fits' multipliers. */
    static DecisionSection of(List<Decision> decisions, List<DecisionScore> scores, List<SharedFit> shared) {
        Map<String, List<Decision>> byClause = new LinkedHashMap<>();
        for (Decision d : decisions) {
            byClause.computeIfAbsent(d.law() + "\u0000" + d.dataset() + "\u0000" + d.compare() + "\u0000" + d.line(),
                    k -> new ArrayList<>()).add(d);
        }
        List<Table> tables = new ArrayList<>();
        for (List<Decision> clause : byClause.values()) {
            tables.add(table(clause));
        }
        if (!scores.isEmpty()) {
            tables.add(0, rules(scores));
        }
        if (shared.stream().anyMatch(f -> f.multipliers().stream().anyMatch(m -> Double.isFinite(m.multiplier())))) {
            tables.add(multipliers(shared));
        }
        String summary = decisions.isEmpty() ? "" : summary(decisions) + verdict(scores);
        return new DecisionSection(summary, List.copyOf(tables));
    }

    /** Which rule to act on, said plainly: by the back-tests (fit windows only), then by the held-out runs. */
    static String verdict(List<DecisionScore> scores) {
        if (scores.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        DecisionScore favoured = null;
        for (DecisionScore s : scores) {
            if (Double.isFinite(s.backtestScore()) && (favoured == null || s.backtestScore() < favoured.backtestScore())) {
                favoured = s;
            }
        }
        if (favoured != null && scores.size() > 1) {
            out.append(" The study's own back-tests (inside the fit windows, before any held-out run) favour law ")
                    .append(favoured.law()).append(": its median back-test score is ")
                    .append(Numbers.format(favoured.backtestScore())).append(", the lowest of the ")
                    .append(scores.size()).append(" laws compared.");
        }
        for (DecisionScore s : scores) {
            if (s.scored() == 0) {
                continue;
            }
            out.append(" Law ").append(s.law()).append(" picks the observed best in ").append(s.lawRight())
                    .append(" of ").append(s.scored()).append("; the naive pick (the best observed at the largest")
                    .append(" fitted run) in ").append(s.naiveRight()).append(" of ").append(s.scored());
            if (s.withProbability() > 0) {
                out.append("; the Brier score of its P(winner) is ").append(Numbers.format(s.brier()))
                        .append(" against ").append(Numbers.format(s.constantBrier()))
                        .append(" for a constant one-in-k, on the ").append(s.withProbability())
                        .append(" decisions with a probability (")
                        .append(s.brier() <= s.constantBrier() ? "better than saying nothing"
                                : "worse than saying nothing: do not act on it").append(")");
            }
            out.append(s.naiveRight() > s.lawRight() ? ". The naive rule did better here." : ".");
        }
        return out.toString();
    }

    private static Table rules(List<DecisionScore> scores) {
        List<Column> columns = List.of(new Column("law", false), new Column("compared", false),
                new Column("scored", true), new Column("law right", true), new Column("naive right", true),
                new Column("pairs right", true), new Column("Brier P(winner)", true),
                new Column("Brier constant", true), new Column("Brier bootstrap", true),
                new Column("median back-test score", true));
        List<Row> rows = new ArrayList<>();
        for (DecisionScore s : scores) {
            rows.add(new Row("", List.of(Cell.of(s.law()), Cell.of(s.compare()),
                    Cell.number(Numbers.count(s.scored()), s.scored()),
                    Cell.number(Numbers.count(s.lawRight()), s.lawRight()),
                    Cell.number(Numbers.count(s.naiveRight()), s.naiveRight()),
                    Cell.number(s.pairsRight() + " of " + s.pairs(), s.pairsRight()),
                    Cell.number(Numbers.format(s.brier()), s.brier()),
                    Cell.number(Numbers.format(s.constantBrier()), s.constantBrier()),
                    Cell.number(Numbers.format(s.bootstrapBrier()), s.bootstrapBrier()),
                    Cell.number(Numbers.format(s.backtestScore()), s.backtestScore()))));
        }
        return new Table("Rules compared: the law's pick, the naive single-scale pick, and how honest the"
                + " probabilities are", columns, rows, "Brier score: the mean of (P(winner) \u2212 right)\u00b2 over"
                + " the decisions with a probability (lower is better); a constant 1/k (k choices) is what saying"
                + " nothing scores. The median back-test score (|relative error| / \u221a(decades + 0.1), fit windows"
                + " only) can favour a rule before any held-out run exists.");
    }

    private static Table multipliers(List<SharedFit> shared) {
        List<Column> columns = List.of(new Column("law", false), new Column("group", false),
                new Column("choice", false), new Column("compute multiplier", true), new Column("95% interval", false));
        List<Row> rows = new ArrayList<>();
        for (SharedFit f : shared) {
            for (SharedFit.Multiplier m : f.multipliers()) {
                rows.add(new Row("", List.of(Cell.of(f.law()), Cell.of(f.context()), Cell.of(m.value()),
                        Cell.number(Numbers.format(m.multiplier()), m.multiplier()),
                        Cell.of(Double.isFinite(m.low()) ? Numbers.format(m.low()) + " to " + Numbers.format(m.high())
                                : "\u2014"))));
            }
        }
        SharedFit first = shared.get(0);
        return new Table("Effective compute: " + String.join(", ", first.shared()) + " shared across "
                + first.column(), columns, rows, "How many times the compute of the first choice (" + first.reference()
                + " in the first group) each choice needs for the same predicted value: above 1 it needs more."
                + " Intervals from joint bootstrap resamples (every choice resampled, all refitted together).");
    }

    /** How many winners (and whole rankings) were right among the decisions scored on held-out runs. */
    static String summary(List<Decision> decisions) {
        int scored = 0;
        int winners = 0;
        int rankings = 0;
        double confidence = 0;
        int confident = 0;
        for (Decision d : decisions) {
            if (d.winnerCorrect() != null) {
                scored++;
                winners += d.winnerCorrect() ? 1 : 0;
                rankings += Boolean.TRUE.equals(d.rankingCorrect()) ? 1 : 0;
                if (Double.isFinite(d.winnerProbability())) {
                    confidence += d.winnerProbability();
                    confident++;
                }
            }
        }
        if (scored == 0) {
            return decisions.size() + " decision" + (decisions.size() == 1 ? "" : "s")
                    + ", none with held-out runs at its target to score it against.";
        }
        // Per target, when there are several: "5 of 10 at params == 1.4e9, 2 of 10 at params == 6.9e9".
        Map<String, int[]> byTarget = new LinkedHashMap<>();
        for (Decision d : decisions) {
            if (d.winnerCorrect() != null) {
                int[] counts = byTarget.computeIfAbsent(d.at(), k -> new int[2]);
                counts[0] += d.winnerCorrect() ? 1 : 0;
                counts[1]++;
            }
        }
        List<String> parts = new ArrayList<>();
        byTarget.forEach((at, counts) -> parts.add(counts[0] + " of " + counts[1] + " at " + at));
        return "Scored against the held-out runs, the predicted winner is the observed best in " + winners + " of "
                + scored + " decisions (" + Numbers.percent((double) winners / scored)
                + (byTarget.size() > 1 ? ": " + String.join(", ", parts) : "") + "), and the whole ranking is"
                + " right in " + rankings + " of " + scored + " (" + Numbers.percent((double) rankings / scored) + ")"
                + (confident == 0 ? "." : "; the predicted winners' mean P(winner) is "
                + Numbers.percent(confidence / confident) + ".");
    }

    private static Table table(List<Decision> decisions) {
        Decision first = decisions.get(0);
        Set<String> values = new java.util.TreeSet<>();  // the choices' columns, in alphabetical order
        for (Decision d : decisions) {
            d.choices().forEach(c -> values.add(c.value()));
        }
        boolean contexts = decisions.stream().anyMatch(d -> !d.context().isEmpty());
        List<Column> columns = new ArrayList<>();
        if (contexts) {
            columns.add(new Column("group", false));
        }
        columns.add(new Column("at", false));
        for (String v : values) {
            columns.add(new Column(v, true));
        }
        columns.add(new Column("predicted ranking", false));
        columns.add(new Column("P(ranking)", true));
        columns.add(new Column("P(winner)", true));
        columns.add(new Column("observed ranking", false));
        columns.add(new Column("winner right", false));
        List<Row> rows = new ArrayList<>();
        for (Decision d : decisions) {
            List<Cell> cells = new ArrayList<>();
            if (contexts) {
                cells.add(Cell.of(d.context()));
            }
            cells.add(Cell.of(d.at() + (d.series().isEmpty() ? "" : " [" + d.series() + "]")));
            for (String v : values) {
                Decision.Choice choice = d.choices().stream().filter(c -> c.value().equals(v)).findFirst()
                        .orElse(null);
                cells.add(choice == null ? new Cell("", "", "", "no fit to this group", false) : choice(choice));
            }
            cells.add(Cell.of(ranking(d, false)));
            cells.add(Cell.number(Numbers.percent(d.rankingProbability()), d.rankingProbability()));
            cells.add(Cell.number(Numbers.percent(d.winnerProbability()), d.winnerProbability()));
            cells.add(Cell.of(d.winnerCorrect() == null ? "\u2014" : ranking(d, true)));
            cells.add(Cell.of(d.winnerCorrect() == null ? "\u2014" : d.winnerCorrect() ? "\u2713 yes" : "\u2717 no"));
            rows.add(new Row(d.winnerCorrect() == null ? "" : d.winnerCorrect() ? "right" : "wrong", cells));
        }
        String caption = "Law " + first.law() + " on " + first.dataset() + ": " + first.compare() + " compared"
                + " (study line " + first.line() + ", " + (first.preferHigher() ? "higher" : "lower") + " is better)";
        String note = "Each cell: the law's prediction at the target"
                + (decisions.stream().anyMatch(d -> d.choices().stream().anyMatch(c -> c.runs() > 0))
                ? ", then the observed value of the held-out runs there" : "")
                + "; the predicted winner in bold. P(ranking): the share of bootstrap resamples whose predictions"
                + " rank the choices as the fits do (" + resamples(decisions) + "); P(winner): the probability that"
                + " the predicted winner is best, drawn from the law's back-tested errors (blank: too few runs).";
        return new Table(caption, columns, rows, note);
    }

    private static Cell choice(Decision.Choice c) {
        String text = Numbers.format(c.predicted());
        String title = "";
        if (Double.isFinite(c.low())) {
            title = "95% bootstrap interval " + Numbers.format(c.low()) + " to " + Numbers.format(c.high());
        }
        if (c.runs() > 0) {
            text += " (" + Numbers.format(c.observed()) + ")";
        }
        return new Cell(text, "", Numbers.sortKey(c.predicted()), title, c.rank() == 1);
    }

    /** e.g. {@code rpj > rw_original > c4_original}, by prediction or by observation. */
    private static String ranking(Decision d, boolean observed) {
        List<Decision.Choice> ranked = new ArrayList<>(d.choices().stream()
                .filter(c -> (observed ? c.observedRank() : c.rank()) > 0).toList());
        ranked.sort((a, b) -> Integer.compare(observed ? a.observedRank() : a.rank(),
                observed ? b.observedRank() : b.rank()));
        return String.join(" > ", ranked.stream().map(Decision.Choice::value).toList());
    }

    private static String resamples(List<Decision> decisions) {
        int min = decisions.stream().mapToInt(Decision::resamples).min().orElse(0);
        int max = decisions.stream().mapToInt(Decision::resamples).max().orElse(0);
        if (max == 0) {
            return "no bootstrap: add 'bootstrap N' to the fit";
        }
        return "resamples in which every choice has a prediction: " + (min == max ? Numbers.count(min)
                : Numbers.count(min) + " to " + Numbers.count(max));
    }
}
