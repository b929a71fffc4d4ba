package org.scalestudy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.scalestudy.results.FitOutcome;

/**
 * NIST's StRD nonlinear regression problems, read from their unmodified {@code .dat} files in
 * {@code src/test/resources/nist-strd/} (see its {@code PROVENANCE.md}), and fitted through the product:
 * each problem-start becomes a study with the data as CSV and the model as a law written in the study
 * language ({@code loss: squares}, the default), checked and run by {@link Pipeline} like any study.
 *
 * <p>The model is taken from the file's header ({@code y = ...}, possibly over several lines, up to
 * {@code + e}), with Fortran's notation rewritten: {@code **} to {@code ^}, brackets to parentheses,
 * {@code arctan} to {@code atan}; {@code pi} is the language's constant. Nelson's response is
 * {@code log[y]}, which becomes the law's observed side {@code log(y)}.
 */
public final class NistStrd {
    public static final Path FOLDER = Path.of("src/test/resources/nist-strd");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern PARAMETER = Pattern.compile("^\\s*(b\\d+)\\s*=\\s*(.*)$");

    private NistStrd() {
    }

    /**
     * One problem.
     *
     * @param difficulty {@code Lower}, {@code Average} or {@code Higher}
     * @param observed   the law's observed side in the study language, {@code y} or {@code log(y)}
     * @param formula    the model in the study language
     * @param columns    the data's columns, response first
     * @param starts     {@code starts[s][j]}: start s (0 or 1) of parameter j
     */
    public record Problem(String name, String difficulty, String observed, String formula, List<String> parameters,
                          double[][] starts, double[] certified, double[] certifiedSd, double rss,
                          List<String> columns, List<double[]> data) { }

    /** What a fit from one start reached, against the certified values. */
    public record Outcome(Problem problem, int start, double[] values, double[] standardErrors, double objective,
                          boolean converged, String message) {
        /** Correct significant digits of parameter j (LRE, capped at 11). */
        public double digits(int j) {
            return lre(values[j], problem.certified()[j]);
        }

        /** Correct significant digits of the residual sum of squares. */
        public double rssDigits() {
            return lre(objective, problem.rss());
        }

        /** The smallest LRE over the parameters and the residual sum of squares. */
        public double minDigits() {
            double min = rssDigits();
            for (int j = 0; j < values.length; j++) {
                min = Math.min(min, digits(j));
            }
            return min;
        }

        /** The smallest LRE over the standard errors. */
        public double minSdDigits() {
            double min = 11;
            for (int j = 0; j < values.length; j++) {
                min = Math.min(min, lre(standardErrors[j], problem.certifiedSd()[j]));
            }
            return min;
        }

        /** The largest relative error of a parameter. */
        public double worstRelativeError() {
            double worst = 0;
            for (int j = 0; j < values.length; j++) {
                double c = problem.certified()[j];
                double e = Math.abs(values[j] - c) / Math.abs(c);
                worst = Math.max(worst, Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
            }
            return worst;
        }
    }

    /** The log relative error {@code -log10(|x - c| / |c|)}: 0 for NaN or far off, at most 11. */
    public static double lre(double x, double certified) {
        if (!Double.isFinite(x)) {
            return 0;
        }
        double relative = Math.abs(x - certified) / Math.abs(certified);
        if (relative == 0) {
            return 11;
        }
        return Math.max(0, Math.min(11, -Math.log10(relative)));
    }

    /** Every problem, in the order of NIST's table (by difficulty, then as listed there). */
    public static List<Problem> all() throws IOException {
        List<String> order = List.of("Misra1a", "Chwirut2", "Chwirut1", "Lanczos3", "Gauss1", "Gauss2", "DanWood",
                "Misra1b", "Kirby2", "Hahn1", "Nelson", "MGH17", "Lanczos1", "Lanczos2", "Gauss3", "Misra1c",
                "Misra1d", "Roszman1", "ENSO", "MGH09", "Thurber", "BoxBOD", "Rat42", "MGH10", "Eckerle4", "Rat43",
                "Bennett5");
        List<Problem> problems = new ArrayList<>();
        for (String name : order) {
            problems.add(read(FOLDER.resolve(name + ".dat")));
        }
        try (Stream<Path> files = Files.list(FOLDER)) {
            if (files.filter(p -> p.toString().endsWith(".dat")).count() != order.size()) {
                throw new IllegalStateException("expected the " + order.size() + " problems in " + FOLDER);
            }
        }
        return problems;
    }

    /** Reads one {@code .dat} file as it is. */
    public static Problem read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String name = file.getFileName().toString().replace(".dat", "");
        String difficulty = null;
        StringBuilder model = null;
        String observed = null;
        List<String> parameters = new ArrayList<>();
        List<double[]> table = new ArrayList<>();
        double rss = Double.NaN;
        int dataLine = -1;
        int dataSeen = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.contains("Level of Difficulty")) {
                difficulty = trimmed.split("\\s+")[0];
            }
            if (model == null && trimmed.matches("^(y|log\\[y\\])\\s*=.*")) {
                observed = trimmed.startsWith("log") ? "log(y)" : "y";
                model = new StringBuilder(trimmed.substring(trimmed.indexOf('=') + 1));
                int next = i + 1;
                while (!model.toString().matches(".*\\+\\s*e\\s*$")) {
                    model.append(' ').append(lines.get(next++).trim());
                }
            }
            Matcher p = PARAMETER.matcher(line);
            if (p.matches() && dataSeen < 2) {
                List<Double> numbers = numbers(p.group(2));
                if (numbers.size() == 4) {
                    parameters.add(p.group(1));
                    table.add(numbers.stream().mapToDouble(Double::doubleValue).toArray());
                }
            }
            if (trimmed.startsWith("Residual Sum of Squares:")) {
                rss = numbers(trimmed.substring(trimmed.indexOf(':') + 1)).get(0);
            }
            if (trimmed.startsWith("Data:")) {
                dataSeen++;
                if (dataSeen == 2) {
                    dataLine = i;
                    break;
                }
            }
        }
        if (difficulty == null || model == null || parameters.isEmpty() || Double.isNaN(rss) || dataLine < 0) {
            throw new IllegalStateException(file + ": not a StRD nonlinear regression file");
        }
        List<String> columns = List.of(lines.get(dataLine).trim().substring("Data:".length()).trim().split("\\s+"));
        List<double[]> data = new ArrayList<>();
        for (String line : lines.subList(dataLine + 1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            double[] row = numbers(line).stream().mapToDouble(Double::doubleValue).toArray();
            if (row.length != columns.size()) {
                throw new IllegalStateException(file + ": a data line with " + row.length + " values: " + line);
            }
            data.add(row);
        }
        String formula = model.toString().replaceAll("\\+\\s*e\\s*$", "").trim()
                .replace("**", "^").replace('[', '(').replace(']', ')').replace("arctan", "atan")
                .replaceAll("\\s+", " ");
        int k = parameters.size();
        double[][] starts = new double[2][k];
        double[] certified = new double[k];
        double[] sd = new double[k];
        for (int j = 0; j < k; j++) {
            starts[0][j] = table.get(j)[0];
            starts[1][j] = table.get(j)[1];
            certified[j] = table.get(j)[2];
            sd[j] = table.get(j)[3];
        }
        return new Problem(name, difficulty, observed, formula, List.copyOf(parameters), starts, certified, sd, rss,
                columns, List.copyOf(data));
    }

    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    /** The study that fits {@code problem} from start {@code start} (0 or 1), with its data file's name. */
    public static String study(Problem problem, int start, String csv) {
        StringBuilder s = new StringBuilder();
        s.append("study \"").append(problem.name()).append(" from start ").append(start + 1).append("\" {\n");
        s.append("  data d = csv(\"").append(csv).append("\")\n");
        s.append("  law l = ").append(problem.observed()).append(" ~ ").append(problem.formula()).append(" {\n");
        for (int j = 0; j < problem.parameters().size(); j++) {
            s.append("    param ").append(problem.parameters().get(j)).append(" start ")
                    .append(literal(problem.starts()[start][j])).append('\n');
        }
        s.append("  }\n  fit l to d\n}\n");
        return s.toString();
    }

    private static String literal(double v) {
        return String.format(Locale.ROOT, "%.17g", v).replaceAll("\\.?0+$", "").replace("+", "");
    }

    /** The problem's data as CSV. */
    public static String csv(Problem problem) {
        StringBuilder s = new StringBuilder(String.join(",", problem.columns())).append('\n');
        for (double[] row : problem.data()) {
            for (int c = 0; c < row.length; c++) {
                s.append(c == 0 ? "" : ",").append(Double.toString(row[c]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** Fits {@code problem} from {@code start} through the product, in {@code dir}. */
    public static Outcome fit(Problem problem, int start, Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(problem.name() + "-" + (start + 1)));
        Files.writeString(folder.resolve("data.csv"), csv(problem));
        Path file = folder.resolve("nist.study");
        Files.writeString(file, study(problem, start, "data.csv"));
        FitOutcome fit = Pipeline.run(Pipeline.check(StudyFiles.find(List.of(file)))).get(0).fits().get(0);
        int k = problem.parameters().size();
        double[] values = new double[k];
        double[] se = new double[k];
        for (int j = 0; j < k; j++) {
            values[j] = fit.parameters().get(j).value();
            se[j] = fit.parameters().get(j).standardError();
        }
        return new Outcome(problem, start, values, se, fit.optimization().objective(), fit.optimization().converged(),
                fit.optimization().message());
    }
}
