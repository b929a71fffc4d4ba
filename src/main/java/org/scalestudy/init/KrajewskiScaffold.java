package org.scalestudy.init;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.scalestudy.data.Column;
import org.scalestudy.data.Table;
import org.scalestudy.data.readers.Role;

/**
 * Writes a starting study for a release file in the long layout of Krajewski et al. (2025), as read by
 * {@code krajewski_csv} (columns {@code params, tokens, flops, tpr, benchmark, metric_type, score}): Eq. 2
 * ({@code direct_power}) per benchmark and accuracy metric at the tokens-per-parameter ratio with the most
 * runs, with each benchmark's random-guess accuracy as the baseline, and the Chinchilla law on the C4
 * validation loss across all ratios. Only the (benchmark, metric) pairs with enough usable runs are fitted
 * (so the study checks); the others are named in the notes. The largest model size is held out when there
 * are at least three sizes and every fitted pair keeps enough usable runs below it.
 */
public final class KrajewskiScaffold {
    /**
     * Random-guess accuracies of the release's multiple-choice benchmarks (1 / number of choices); every
     * other benchmark (generation, code, lambada) has none, r = 0. MMLU's subjects ({@code mmlu-*}) are
     * four-way like MMLU.
     */
    static final Map<String, Double> CHANCE = Map.of(
            "arc_easy", 0.25, "arc_challenge", 0.25, "hellaswag", 0.25, "mmlu", 0.25, "sciq", 0.25,
            "piqa", 0.5, "winogrande", 0.5);
    /** How many pairs left out the notes name. */
    static final int LISTED = 6;
    /** The validation loss the loss law is fitted to. */
    static final String LOSS_BENCHMARK = "c4";

    private KrajewskiScaffold() {
    }

    /** Whether a file's header is the release's layout (then {@code krajewski_csv} reads it). */
    public static boolean recognises(List<String> header) {
        return header.containsAll(List.of("tokens", "benchmark", "metric_type", "score", "tpr"));
    }

    static double chance(String benchmark) {
        return CHANCE.getOrDefault(benchmark.startsWith("mmlu-") ? "mmlu" : benchmark, 0.0);
    }

    /** The study's text, and what was guessed (also written as comments at its top). */
    public record Written(String text, List<String> notes) { }

    /**
     * @param table    the file as {@code krajewski_csv} reads it (duplicates resolved)
     * @param notes    what the reader said (e.g. the duplicates it resolved), as comment lines
     * @param dataPath the data file, relative to the study's folder, with {@code /}
     * @param command  the command that made it, for the header comment
     */
    public static Written write(Table table, List<String> notes, String title, String dataPath, String command)
            throws StudyScaffold.NothingToFit {
        double[] params = numbers(table, "params");
        double[] tpr = numbers(table, "tpr");
        double[] score = numbers(table, "score");
        String[] benchmark = texts(table, "benchmark");
        String[] metric = texts(table, "metric_type");
        int rows = table.rows();

        // The ratio with the most runs (the paper's 20 in both release files).
        Map<Double, TreeSet<Double>> runsByRatio = new TreeMap<>();
        for (int r = 0; r < rows; r++) {
            runsByRatio.computeIfAbsent(tpr[r], k -> new TreeSet<>()).add(params[r]);
        }
        double ratio = Double.NaN;
        for (Map.Entry<Double, TreeSet<Double>> e : runsByRatio.entrySet()) {
            if (Double.isNaN(ratio) || e.getValue().size() > runsByRatio.get(ratio).size()) {
                ratio = e.getKey();
            }
        }
        TreeSet<Double> sizes = runsByRatio.getOrDefault(ratio, new TreeSet<>());
        double largest = sizes.isEmpty() ? Double.NaN : sizes.last();

        // (benchmark, metric) pairs: accuracies, pass@k only at k = 1; usable runs in the whole ratio and below
        // the largest size (by direct_power's rule: r * 1.05 < acc < 1).
        Map<String, int[]> pairs = new LinkedHashMap<>(); // "benchmark\0metric" -> {usable, usable below largest}
        for (int r = 0; r < rows; r++) {
            if (tpr[r] != ratio || !Role.accuracyLike(metric[r])
                    || metric[r].startsWith("pass@") && !metric[r].equals("pass@1")) {
                continue;
            }
            int[] count = pairs.computeIfAbsent(benchmark[r] + "\u0000" + metric[r], k -> new int[2]);
            double floor = chance(benchmark[r]) * 1.05;
            if (Double.isFinite(score[r]) && score[r] > floor && score[r] < 1) {
                count[0]++;
                count[1] += params[r] < largest ? 1 : 0;
            }
        }
        List<String[]> fitted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        boolean holdout = sizes.size() >= 3;
        for (Map.Entry<String, int[]> e : pairs.entrySet()) {
            String[] pair = e.getKey().split("\u0000", 2);
            if (e.getValue()[0] >= StudyScaffold.DIRECT_MINIMUM) {
                fitted.add(pair);
                holdout &= e.getValue()[1] >= StudyScaffold.DIRECT_MINIMUM;
            } else {
                skipped.add(pair[0] + " " + pair[1] + " (" + e.getValue()[0] + " usable)");
            }
        }
        // The loss law: the C4 validation loss of every run, across ratios.
        TreeSet<Double> lossSizes = new TreeSet<>();
        int lossRuns = 0;
        int lossBelow = 0;
        for (int r = 0; r < rows; r++) {
            if (benchmark[r].equals(LOSS_BENCHMARK) && metric[r].equals("loss") && Double.isFinite(score[r])
                    && score[r] > 0) {
                lossSizes.add(params[r]);
                lossRuns++;
            }
        }
        double lossLargest = lossSizes.isEmpty() ? Double.NaN : lossSizes.last();
        for (int r = 0; r < rows; r++) {
            if (benchmark[r].equals(LOSS_BENCHMARK) && metric[r].equals("loss") && Double.isFinite(score[r])
                    && score[r] > 0 && params[r] < lossLargest) {
                lossBelow++;
            }
        }
        boolean lossLaw = lossRuns >= StudyScaffold.CHINCHILLA_MINIMUM && lossSizes.size() >= 2;
        boolean lossHoldout = lossSizes.size() >= 3 && lossBelow >= StudyScaffold.CHINCHILLA_MINIMUM;
        if (fitted.isEmpty() && !lossLaw) {
            throw new StudyScaffold.NothingToFit("found nothing to fit in this release file: no benchmark accuracy "
                    + "has " + StudyScaffold.DIRECT_MINIMUM + " usable runs at one tokens-per-parameter ratio, and "
                    + "fewer than " + StudyScaffold.CHINCHILLA_MINIMUM + " runs have a C4 validation loss");
        }

        List<String> guessed = new ArrayList<>();
        guessed.add("the long CSV of Krajewski et al. (2025): read with krajewski_csv (its first, unnamed column is "
                + "'index'; params = tokens / tpr and flops = 6 * params * tokens when the file has none)");
        guessed.add(runsByRatio.values().stream().flatMap(TreeSet::stream).distinct().count() + " runs; by tokens "
                + "per parameter: " + String.join(", ", runsByRatio.entrySet().stream()
                .map(e -> StudyScaffold.number(e.getKey()) + " (" + e.getValue().size() + ")").toList()));
        guessed.add("Eq. 2 at tpr " + StudyScaffold.number(ratio) + ", the ratio with the most runs, on "
                + fitted.size() + " benchmark and metric pairs (accuracies; pass@k at k = 1)");
        if (!skipped.isEmpty()) {
            guessed.add("not fitted, " + skipped.size() + " pairs with fewer than " + StudyScaffold.DIRECT_MINIMUM
                    + " usable runs (above chance by 5%, below 1): " + String.join(", ", skipped.subList(0,
                    Math.min(LISTED, skipped.size()))) + (skipped.size() > LISTED ? ", ..." : ""));
        }
        guessed.add(lossLaw ? "loss: the Chinchilla law on the " + LOSS_BENCHMARK + " validation loss of " + lossRuns
                + " runs" : "loss: fewer than " + StudyScaffold.CHINCHILLA_MINIMUM + " runs with a "
                + LOSS_BENCHMARK + " validation loss, so no loss law");
        guessed.addAll(notes);

        StringBuilder s = new StringBuilder();
        s.append("# Made by `").append(oneLine(command)).append("`. What it guessed:\n");
        for (String note : guessed) {
            s.append("#   ").append(oneLine(note)).append('\n');
        }
        s.append("# Check the guesses, then run `scalestudy check` and `scalestudy build`.\n");
        s.append("study ").append(StudyScaffold.string(title)).append(" {\n");
        s.append("  description ").append(StudyScaffold.string("Scaling laws fitted to " + dataPath
                + ", a release of Krajewski et al. (2025); the largest models are held out to judge extrapolation."))
                .append("\n\n");
        s.append("  data runs = krajewski_csv(").append(StudyScaffold.string(dataPath)).append(")\n\n");
        if (!fitted.isEmpty()) {
            TreeSet<String> benchmarks = new TreeSet<>();
            fitted.forEach(p -> benchmarks.add(p[0]));
            s.append("  # Random-guess accuracy r per benchmark: 1 / choices for multiple choice, else 0.\n");
            s.append("  table chance = {");
            int i = 0;
            for (String b : benchmarks) {
                s.append(i++ % 4 == 0 ? "\n    " : " ").append(key(b)).append(": ")
                        .append(StudyScaffold.number(chance(b))).append(i < benchmarks.size() ? "," : "");
            }
            s.append("\n  }\n\n");
            s.append("  # Eq. 2 of Krajewski et al.: -log Q = A * C^(-alpha), Q = (acc - r) / (1 - r).\n");
            s.append("  law direct = direct_power(x: flops, y: score, baseline: chance[benchmark])\n\n");
            s.append("  fit direct to runs by benchmark, metric_type\n");
            s.append("    where tpr == ").append(StudyScaffold.number(ratio)).append(" and (");
            for (int p = 0; p < fitted.size(); p++) {
                s.append(p == 0 ? "\n      " : "\n      or ").append("benchmark == ")
                        .append(StudyScaffold.string(fitted.get(p)[0])).append(" and metric_type == ")
                        .append(StudyScaffold.string(fitted.get(p)[1]));
            }
            s.append(")");
            if (holdout) {
                String at = StudyScaffold.number(largest);
                s.append("\n    window params < ").append(at).append("\n    holdout params >= ").append(at);
            }
            s.append("\n\n");
        }
        if (lossLaw) {
            s.append("  # L = E + A / N^alpha + B / D^beta, Huber loss on log L from 4,500 starts.\n");
            s.append("  law loss_law = chinchilla(N: params, D: tokens, y: score)\n\n");
            s.append("  fit loss_law to runs\n    where benchmark == ").append(StudyScaffold.string(LOSS_BENCHMARK))
                    .append(" and metric_type == \"loss\"");
            if (lossHoldout) {
                String at = StudyScaffold.number(lossLargest);
                s.append("\n    window params < ").append(at).append("\n    holdout params >= ").append(at);
            }
            s.append("\n\n");
        }
        s.append("  report {\n    chart scaling, residuals\n    table parameters, errors, runs\n  }\n}\n");
        return new Written(s.toString(), List.copyOf(guessed));
    }

    /** A table key: the name as it is when the study language can read it, else a string. */
    private static String key(String name) {
        return ColumnGuesser.usable(name) ? name : StudyScaffold.string(name);
    }

    private static double[] numbers(Table table, String column) {
        return ((Column.Numbers) table.column(column)).values();
    }

    private static String[] texts(Table table, String column) {
        Column c = table.column(column);
        if (c instanceof Column.Texts t) {
            return t.values();
        }
        double[] v = ((Column.Numbers) c).values();
        String[] out = new String[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = StudyScaffold.number(v[i]);
        }
        return out;
    }

    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }
}
