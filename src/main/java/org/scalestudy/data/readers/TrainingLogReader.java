package org.scalestudy.data.readers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/**
 * {@code training_log("folder", ...)}: per-checkpoint training logs, one CSV per run with one row per evaluated
 * checkpoint and one column per metric (a Weights &amp; Biases history export, as the OLMo ladder of Bhagia et
 * al. 2024 is released). Each run is reduced to one value per metric ({@link Reduction}), and the wide metric
 * columns become rows, one per run and task (see docs/training-logs.md).
 *
 * <p>Which files, and their attributes: option {@code files} is a file-name pattern with placeholders
 * ({@link NamePattern}, e.g. {@code "{size}-{multiplier}xC.csv"}); every file of the folder whose name matches is
 * a run, and each placeholder becomes a column of its rows (a number when the text is one, e.g. multiplier
 * {@code 0.5}; else text, e.g. size {@code 760M}). Option {@code manifest} instead names a JSON file (relative to
 * the study) in the OLMo ladder's format ({@code final.json}): an object of entries, each with {@code paths} (the
 * run files; the last part of each path names a file in the folder) and {@code n} (the parameter count), and
 * optionally {@code mode}; each file listed is a run with the columns {@code label} (the entry's key),
 * {@code mode} and {@code params} (its {@code n}); with both options the file pattern adds its placeholders to
 * the files it matches. Without a manifest, option {@code params} gives the parameter counts as a table in the
 * study, by the {@code {size}} placeholder: {@code params: "190M: 190354176, 370M: 371262464"}; a file whose size
 * is not in the table is left out, with one warning.
 *
 * <p>Values: options {@code accuracy} and {@code loss} are column patterns with a {@code {task}} placeholder (e.g.
 * {@code "eval/downstream/{task}_rc_5shot_len_norm"}); a run has a row per task that has a column for every one
 * of them (tasks with only some are left out, with one warning), with those columns reduced. Option
 * {@code score} is the long alternative: a column pattern with {@code {task}} and optionally {@code {metric}},
 * giving a row per run, task and metric with the columns {@code metric} and {@code score}. Option
 * {@code tasks} keeps only those tasks (each must have its columns in every file). Option {@code tokens} names
 * the column of tokens seen so far (default {@code throughput/total_tokens}); the run's D is its value at the
 * last checkpoint that has one, not reduced; a log without that column (OLMo 2 13B's) gives D as
 * {@code _step * batch_size_in_tokens} at the last checkpoint, as OLMo's ladder code does.
 *
 * <p>Every row: {@code run} (the file name without {@code .csv}), the attributes, {@code params} (N),
 * {@code tokens} (D), {@code flops} (6 N D), {@code checkpoints} (the file's rows), {@code task}, then the
 * values. A missing value ({@link MissingCells}: an empty cell, {@code NA}, {@code NaN}, ...) is skipped by the
 * reduction; a cell of a column the
 * reader uses that is neither is an error at its file, line and column. Roles: run, params, tokens, flops,
 * accuracy, loss, score. Duplicates: two rows with the same run and task (and metric).
 */
public final class TrainingLogReader implements DataReader {
    static final String TOKENS = "throughput/total_tokens";
    static final String STEP = "_step";
    static final String BATCH = "batch_size_in_tokens";

    @Override
    public String name() {
        return "training_log";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> out = new TreeMap<>();
        out.put("files", "a file-name pattern whose placeholders become columns, e.g. \"{size}-{multiplier}xC.csv\"");
        out.put("manifest", "a JSON file (relative to the study) of entries with paths and n, as OLMo's final.json");
        out.put("params", "parameter counts by the {size} placeholder, e.g. \"190M: 190354176, 370M: 371262464\"");
        out.put("accuracy", "a column pattern with {task} for the accuracy, e.g. \"eval/downstream/{task}_len_norm\"");
        out.put("loss", "a column pattern with {task} for the task loss, e.g. \"eval/downstream_bpb/{task}_bpb\"");
        out.put("score", "a column pattern with {task} and optionally {metric}: one row per task and metric");
        out.put("tasks", "the tasks to keep (default: every task found), e.g. list(hellaswag_val, piqa_val)");
        out.put("tokens", "the column of tokens seen so far (default \"" + TOKENS + "\")");
        out.put("reduce", "\"last\" (default), \"mean_last\" (with percent, default 10) or \"moving_average\" "
                + "(with window)");
        out.put("percent", "with reduce: \"mean_last\", the share of last checkpoints averaged, in percent");
        out.put("window", "with reduce: \"moving_average\", the number of last checkpoints averaged");
        out.put(Duplicates.OPTION, Duplicates.description(duplicates()));
        return out;
    }

    @Override
    public List<String> pathOptions() {
        return List.of("manifest");
    }

    /** A value column the study declares: the table column, its role and its pattern over the log's columns. */
    private record Spec(String column, Role role, NamePattern pattern) { }

    @Override
    public ReadTable read(Path folder, DataSandbox sandbox, ReaderOptions options) throws DataError, OptionError {
        String filesText = options.text("files", null);
        NamePattern files = filesText == null ? null : NamePattern.of("files", filesText);
        String manifestName = options.text("manifest", null);
        String paramsText = options.text("params", null);
        if (files == null && manifestName == null) {
            throw new OptionError(null, "training_log needs the run files: a file-name pattern, e.g. "
                    + "files: \"{size}-{multiplier}xC.csv\", or a manifest, e.g. manifest: \"final.json\"");
        }
        if (manifestName != null && paramsText != null) {
            throw new OptionError("params", "option 'params' gives the parameter counts when there is no manifest; "
                    + "the manifest gives them here");
        }
        if (manifestName == null && paramsText == null) {
            throw new OptionError(null, "training_log needs the runs' parameter counts: params: \"190M: 190354176, "
                    + "...\" by the {size} placeholder, or a manifest");
        }
        if (paramsText != null && !files.names().contains("size")) {
            throw new OptionError("params", "option 'params' is keyed by the {size} placeholder, and the file "
                    + "pattern \"" + files + "\" has none");
        }
        List<Spec> specs = specs(options);
        Reduction reduction = Reduction.of(options);
        String tokensColumn = options.text("tokens", TOKENS);
        List<String> keep = options.list("tasks");
        if (!Files.isDirectory(folder)) {
            throw new DataError(folder, 0, 0, "no such folder; expected a folder of training logs (one CSV per run)");
        }
        DataSandbox inFolder = DataSandbox.within(folder, "the log folder " + folder.getFileName() + "/");
        List<Path> inputs = new ArrayList<>();
        LeftOut noSize = new LeftOut("runs whose size has no parameter count in option 'params'");
        List<RunFiles.RunFile> runs = manifestName != null
                ? RunFiles.fromManifest(RunFiles.manifest(sandbox.resolve(manifestName), manifestName), folder, inFolder, files, inputs)
                : RunFiles.fromPattern(folder, inFolder, files, RunFiles.sizes(paramsText), noSize);
        if (runs.isEmpty()) {
            throw new DataError(folder, 0, 0, "no run file in this folder matches \"" + files + "\"");
        }
        TableBuilder builder = new TableBuilder();
        LeftOut partial = new LeftOut("task columns of tasks without a column for each of "
                + String.join(", ", specs.stream().map(s -> s.column).toList()));
        for (RunFiles.RunFile run : runs) {
            inputs.add(run.file());
            readRun(run, specs, reduction, tokensColumn, keep, builder, partial);
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Role r : List.of(Role.RUN, Role.PARAMS, Role.TOKENS, Role.FLOPS)) {
            roles.put(r.key(), r);
        }
        List<String> key = new ArrayList<>(List.of("run", "task"));
        String metricColumn = null;
        for (Spec s : specs) {
            roles.put(s.column, s.role);
            if (s.role == Role.SCORE) {
                key.add("metric");
                metricColumn = "metric";
            }
        }
        List<DataError> leftOut = new ArrayList<>();
        for (LeftOut l : List.of(noSize, partial)) {
            if (l.warning() != null) {
                leftOut.add(l.warning());
            }
        }
        return builder.build(roles, key, metricColumn, List.copyOf(inputs), leftOut);
    }

    private static List<Spec> specs(ReaderOptions options) throws OptionError {
        List<Spec> specs = new ArrayList<>();
        for (String name : List.of("accuracy", "loss", "score")) {
            String text = options.text(name, null);
            if (text == null) {
                continue;
            }
            NamePattern p = NamePattern.of(name, text);
            if (!p.names().contains("task")) {
                throw new OptionError(name, "option '" + name + "' is a column pattern with a {task} placeholder, e.g. "
                        + "\"eval/downstream/{task}_rc_5shot_len_norm\"");
            }
            List<String> allowed = name.equals("score") ? List.of("task", "metric") : List.of("task");
            for (String placeholder : p.names()) {
                if (!allowed.contains(placeholder)) {
                    throw new OptionError(name, "option '" + name + "': placeholder {" + placeholder + "} is not one of "
                            + String.join(", ", allowed.stream().map(a -> "{" + a + "}").toList()));
                }
            }
            specs.add(new Spec(name, Role.of(name), p));
        }
        if (specs.isEmpty()) {
            throw new OptionError(null, "training_log needs the metric columns: accuracy: and/or loss: (column patterns "
                    + "with {task}), or score:");
        }
        if (specs.size() > 1 && specs.stream().anyMatch(s -> s.role == Role.SCORE)) {
            throw new OptionError("score", "option 'score' gives long rows (task, metric, score) and does not combine "
                    + "with accuracy or loss");
        }
        return specs;
    }

    private static void readRun(RunFiles.RunFile run, List<Spec> specs, Reduction reduction, String tokensColumn,
                                List<String> keep, TableBuilder builder, LeftOut partial) throws DataError {
        Path file = run.file();
        CsvReader.Records records;
        try {
            records = CsvReader.records(TextFiles.read(file));
        } catch (DataError e) {
            throw e.file() != null ? e : new DataError(file, e.line(), e.field(), e.getMessage());
        }
        List<String> header = records.header();
        int tokens = header.indexOf(tokensColumn);
        int step = header.indexOf(STEP);
        int batch = header.indexOf(BATCH);
        if (tokens < 0 && (!tokensColumn.equals(TOKENS) || step < 0 || batch < 0)) {
            throw new DataError(file, 1, 0, "no column '" + tokensColumn + "' (tokens seen so far) in the header"
                    + (tokensColumn.equals(TOKENS) ? ", nor " + STEP + " and " + BATCH : "")
                    + "; name the column with option tokens");
        }
        // task (and metric) -> the column of each spec
        Map<String, int[]> columns = new LinkedHashMap<>();
        Map<String, String[]> parts = new LinkedHashMap<>();
        for (int c = 0; c < header.size(); c++) {
            for (int s = 0; s < specs.size(); s++) {
                Map<String, String> m = specs.get(s).pattern.match(header.get(c));
                if (m == null) {
                    continue;
                }
                String metric = m.getOrDefault("metric", "score");
                String key = m.get("task") + "\u0000" + metric;
                int[] cols = columns.computeIfAbsent(key, k -> {
                    int[] empty = new int[specs.size()];
                    java.util.Arrays.fill(empty, -1);
                    return empty;
                });
                parts.putIfAbsent(key, new String[] {m.get("task"), metric});
                if (cols[s] < 0) {
                    cols[s] = c;
                }
            }
        }
        for (Iterator<Map.Entry<String, int[]>> it = columns.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, int[]> e = it.next();
            boolean complete = java.util.Arrays.stream(e.getValue()).allMatch(c -> c >= 0);
            boolean kept = keep.isEmpty() || keep.contains(parts.get(e.getKey())[0]);
            if (!complete && kept) {
                for (int c : e.getValue()) {
                    if (c >= 0) {
                        partial.add(new CellSource(file, 1, c + 1, header.get(c)));
                    }
                }
            }
            if (!complete || !kept) {
                it.remove();
            }
        }
        for (String task : keep) {
            if (parts.entrySet().stream().noneMatch(e -> e.getValue()[0].equals(task)
                    && columns.containsKey(e.getKey()))) {
                throw new DataError(file, 1, 0, "no column for task '" + task + "' matching "
                        + String.join(" and ", specs.stream().map(s -> "\"" + s.pattern + "\"").toList()));
            }
        }
        List<List<String>> rows = records.records().subList(1, records.records().size());
        List<Integer> lines = records.lines().subList(1, records.lines().size());
        if (rows.isEmpty()) {
            throw new DataError(file, 1, 0, "no checkpoint: the file has a header and no rows");
        }
        Reduced d = tokens >= 0 ? reduce(file, rows, lines, tokens, new Reduction(Reduction.Kind.LAST, 0))
                : stepTokens(file, rows, lines, step, batch);
        Double n = run.values().get("params") instanceof Double v ? v : null;
        Double flops = n != null && d.value != null ? 6 * n * d.value : null;
        String stem = file.getFileName().toString().replaceFirst("\\.csv$", "");
        for (Map.Entry<String, int[]> e : columns.entrySet()) {
            String[] taskMetric = parts.get(e.getKey());
            List<Reduced> values = new ArrayList<>();
            for (int c : e.getValue()) {
                values.add(reduce(file, rows, lines, c, reduction));
            }
            Reduced first = values.get(0);
            builder.row(first.at.line() > 0 ? first.at.line() : lines.get(lines.size() - 1));
            builder.set("run", stem, new CellSource(file, 0, 0, stem));
            run.values().forEach((k, v) -> builder.set(k, v, run.sources().get(k)));
            builder.set("tokens", d.value, d.at);
            builder.set("flops", flops, new CellSource(d.at.file(), d.at.line(), d.at.column(),
                    flops == null ? null : Double.toString(flops)));
            builder.set("checkpoints", (double) rows.size(), new CellSource(file, 0, 0, Integer.toString(rows.size())));
            builder.set("task", taskMetric[0], new CellSource(file, 1, e.getValue()[0] + 1, taskMetric[0]));
            for (int s = 0; s < specs.size(); s++) {
                Spec spec = specs.get(s);
                if (spec.role == Role.SCORE) {
                    builder.set("metric", taskMetric[1], new CellSource(file, 1, e.getValue()[s] + 1, taskMetric[1]));
                }
                builder.set(spec.column, values.get(s).value, values.get(s).at);
            }
        }
    }

    /** A reduced value and where it came from: the last checkpoint's cell that entered it. */
    private record Reduced(Double value, CellSource at) { }

    private static Reduced reduce(Path file, List<List<String>> rows, List<Integer> lines, int column,
                                  Reduction reduction) throws DataError {
        List<Double> values = new ArrayList<>(rows.size());
        CellSource last = new CellSource(file, lines.get(lines.size() - 1), column + 1, null);
        for (int r = 0; r < rows.size(); r++) {
            String cell = rows.get(r).get(column).strip();
            boolean missing = MissingCells.isMissing(cell);
            Double v = missing ? null : CsvReader.number(cell);
            if (v == null && !missing) {
                throw new DataError(file, lines.get(r), column + 1, "expected a number (a metric of this checkpoint) "
                        + "or a missing value (an empty cell, NA, N/A, NaN or null), found '" + cell + "'");
            }
            values.add(v);
            if (v != null && !Double.isNaN(v)) {
                last = new CellSource(file, lines.get(r), column + 1, cell);
            }
        }
        Double reduced = reduction.reduce(values);
        String raw = reduced == null ? null : reduction.kind() == Reduction.Kind.LAST ? last.raw()
                : Double.toString(reduced);
        return new Reduced(reduced, new CellSource(file, last.line(), last.column(), raw));
    }

    /**
     * D without a tokens column, as OLMo's ladder code computes it: {@code _step * batch_size_in_tokens} at the last
     * checkpoint that has both.
     */
    private static Reduced stepTokens(Path file, List<List<String>> rows, List<Integer> lines, int step, int batch)
            throws DataError {
        Reduction last = new Reduction(Reduction.Kind.LAST, 0);
        for (int r = rows.size() - 1; r >= 0; r--) {
            List<List<String>> one = List.of(rows.get(r));
            List<Integer> at = List.of(lines.get(r));
            Reduced s = reduce(file, one, at, step, last);
            Reduced b = reduce(file, one, at, batch, last);
            if (s.value != null && b.value != null) {
                double d = s.value * b.value;
                return new Reduced(d, new CellSource(file, s.at.line(), s.at.column(), TableBuilder.shortest(d)));
            }
        }
        return new Reduced(null, new CellSource(file, lines.get(lines.size() - 1), step + 1, null));
    }

}
