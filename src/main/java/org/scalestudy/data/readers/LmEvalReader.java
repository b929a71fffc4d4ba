package org.scalestudy.data.readers;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code lm_eval("results", manifest: "runs.csv")}: result files of EleutherAI's
 * lm-evaluation-harness, one JSON file per run, whose {@code results.<task>} objects hold scores
 * keyed {@code <metric>,<filter>} (e.g. {@code "acc,none": 0.61}), with the runs' sizes from a
 * manifest CSV (relative to the study's folder) with the columns {@code file} (the result file,
 * relative to the results folder), {@code params} and {@code tokens}, optionally {@code run} (default:
 * the file's name without {@code .json}) and any others, which are copied to the run's rows.
 *
 * <p>Both formats the harness has written: the current one, {@code results.<task>."<metric>,<filter>"}
 * (where only keys with a comma are metrics, so {@code alias}, {@code name} and {@code sample_len} are
 * not read), and the old one, {@code results.<task>.<metric>} (filter empty).
 *
 * <p>One row per run, task and metric: the manifest's columns, then {@code task}, {@code metric},
 * {@code filter}, {@code score}. Standard errors ({@code *_stderr}, numbers or {@code "N/A"}),
 * {@code alias} and other non-numeric entries are skipped. Roles: run, params and tokens (> 0, from the
 * manifest), score (a number; in [0, 1] when the metric is an accuracy, see {@link Role#accuracyLike};
 * a perplexity or bits per byte only has to be finite). Duplicates: rows with the same run, task,
 * metric and filter (e.g. two manifest rows naming the same run); errors unless
 * {@code duplicates: "last"} or {@code "first"}.
 */
public final class LmEvalReader implements DataReader {
    @Override
    public String name() {
        return "lm_eval";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> out = new TreeMap<>();
        out.put("manifest", "a CSV (relative to the study) with the columns file, params, tokens and optionally run");
        out.put(Duplicates.OPTION, Duplicates.description(duplicates()));
        return out;
    }

    @Override
    public List<String> pathOptions() {
        return List.of("manifest");
    }

    @Override
    public ReadTable read(Path folder, DataSandbox sandbox, ReaderOptions options) throws DataError, OptionError {
        String manifestName = options.text("manifest", null);
        if (manifestName == null) {
            throw new OptionError(null, "lm_eval needs a manifest of the runs' sizes, e.g. lm_eval(\"results\", "
                    + "manifest: \"runs.csv\") with the columns file, params, tokens");
        }
        if (!Files.isDirectory(folder)) {
            throw new DataError(folder, 0, 0, "no such folder; expected lm-evaluation-harness result files");
        }
        Path manifestFile = manifest(sandbox.resolve(manifestName), manifestName);
        String manifestText = TextFiles.read(manifestFile);
        ReadTable manifest = CsvTableReader.raw(manifestFile, manifestText);
        List<String> header = manifest.table().names();
        for (String required : List.of("file", "params", "tokens")) {
            if (!header.contains(required)) {
                throw new DataError(manifestFile, 1, 0, "no column '" + required + "' in the manifest; it has the "
                        + "columns file, params, tokens (and optionally run and others)");
            }
        }
        List<Path> inputs = new ArrayList<>(List.of(manifestFile));
        TableBuilder builder = new TableBuilder();
        builder.column("run");
        header.stream().filter(h -> !h.equals("run")).forEach(builder::column);
        CsvReader.Records records = records(manifestFile, manifestText);
        DataSandbox inFolder = DataSandbox.within(folder, "the results folder " + folder.getFileName() + "/");
        LeftOut notNumbers = new LeftOut("scores that are not numbers (a score is a JSON number, null, or "
                + "\"NaN\"/\"N/A\"/\"Infinity\"; text such as \"0x10\" or \" 3 \" and true/false are not read)");
        int fileColumn = records.header().indexOf("file");
        int runColumn = records.header().indexOf("run");
        for (int r = 1; r < records.records().size(); r++) {
            List<String> rec = records.records().get(r);
            int line = records.lines().get(r);
            String name = rec.get(fileColumn).strip();
            DataSandbox.Resolved resolved = name.isEmpty() ? null : inFolder.resolve(name);
            if (resolved instanceof DataSandbox.Refused refused) {
                throw new DataError(manifestFile, line, fileColumn + 1, "refusing to read result file '" + name
                        + "': " + refused.reason());
            }
            Path resultFile = resolved == null ? folder : ((DataSandbox.Allowed) resolved).file();
            if (name.isEmpty() || !Files.isRegularFile(resultFile)) {
                throw new DataError(manifestFile, line, fileColumn + 1, name.isEmpty() ? "no result file named"
                        : "no such result file: " + name + " (in " + folder.getFileName() + "/)");
            }
            if (!inputs.contains(resultFile)) {
                inputs.add(resultFile);
            }
            JsonFile json = JsonFile.parse(resultFile, TextFiles.read(resultFile), 1);
            JsonNode results = json.root().path("results");
            if (!results.isObject()) {
                throw new DataError(resultFile, 1, 0, "no object 'results' (task -> {\"metric,filter\": score})");
            }
            String stem = resultFile.getFileName().toString().replaceFirst("\\.json$", "");
            String runName = runColumn >= 0 && !rec.get(runColumn).isBlank() ? rec.get(runColumn).strip() : stem;
            CellSource runAt = new CellSource(manifestFile, line, runColumn >= 0 ? runColumn + 1 : fileColumn + 1,
                    runName);
            Iterator<Map.Entry<String, JsonNode>> tasks = results.fields();
            while (tasks.hasNext()) {
                Map.Entry<String, JsonNode> task = tasks.next();
                boolean current = currentFormat(task.getValue());
                Iterator<Map.Entry<String, JsonNode>> metrics = task.getValue().fields();
                while (metrics.hasNext()) {
                    Map.Entry<String, JsonNode> m = metrics.next();
                    String key = m.getKey();
                    int comma = key.indexOf(',');
                    String metric = comma < 0 ? key : key.substring(0, comma);
                    String filter = comma < 0 ? "" : key.substring(comma + 1);
                    if (current && comma < 0 || metric.endsWith("_stderr") || metric.equals("alias")) {
                        continue;
                    }
                    CellSource scoreAt = json.source("/results/" + pointer(task.getKey()) + "/" + pointer(key));
                    if (!(m.getValue().isNumber() || m.getValue().isNull() || isNonFinite(m.getValue()))) {
                        notNumbers.add(new CellSource(scoreAt.file(), scoreAt.line(), scoreAt.column(),
                                "'" + key + "': " + m.getValue()));
                        continue;
                    }
                    builder.row(scoreAt.line());
                    builder.set("run", runName, runAt);
                    for (int c = 0; c < header.size(); c++) {
                        String col = records.header().get(c);
                        if (!col.equals("run")) {
                            String cell = rec.get(c);
                            builder.set(col, MissingCells.value(cell),
                                    new CellSource(manifestFile, line, c + 1, MissingCells.written(cell)));
                        }
                    }
                    builder.set("task", task.getKey(), scoreAt);
                    builder.set("metric", metric, scoreAt);
                    builder.set("filter", filter, scoreAt);
                    builder.set("score", JsonFile.value(m.getValue()), scoreAt);
                }
            }
        }
        if (builder.rows() == 0) {
            throw new DataError(manifestFile, 1, 0, "the result files hold no score");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("run", Role.RUN);
        roles.put("params", Role.PARAMS);
        roles.put("tokens", Role.TOKENS);
        roles.put("score", Role.SCORE);
        DataError leftOut = notNumbers.warning();
        return builder.build(roles, List.of("run", "task", "metric", "filter"), "metric", List.copyOf(inputs),
                leftOut == null ? List.of() : List.of(leftOut));
    }

    /** The manifest's path, or the option error that refuses it (reported at the option in the study). */
    private static Path manifest(DataSandbox.Resolved resolved, String written) throws OptionError {
        if (resolved instanceof DataSandbox.Refused refused) {
            throw new OptionError("manifest", "refusing to read manifest '" + written + "': " + refused.reason());
        }
        return ((DataSandbox.Allowed) resolved).file();
    }

    /** The manifest's records; a problem in it is reported in the manifest, not in the results folder. */
    private static CsvReader.Records records(Path manifestFile, String text) throws DataError {
        try {
            return CsvReader.records(text);
        } catch (DataError e) {
            throw new DataError(manifestFile, e.line(), e.field(), e.getMessage());
        }
    }

    /**
     * Whether a task's results are in the current format, {@code "<metric>,<filter>"}: then only such keys
     * are metrics, and the others ({@code alias}, {@code name}, {@code sample_len}, ...) are not. In the
     * old format ({@code results.<task>.<metric>}) no key has a comma.
     */
    private static boolean currentFormat(JsonNode task) {
        Iterator<String> keys = task.fieldNames();
        while (keys.hasNext()) {
            if (keys.next().indexOf(',') >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * NaN and Infinity as written by Python arrive as numbers; "NaN" and "N/A" strings are missing values
     * ({@link MissingCells}), "Infinity" strings are kept to be reported.
     */
    private static boolean isNonFinite(JsonNode v) {
        return v.isTextual() && (CsvReader.number(v.textValue()) != null || MissingCells.isMissing(v.textValue()));
    }

    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
