package org.scalestudy.data.readers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/**
 * {@code gadre("folder")}: the release of Gadre et al. (2024), "Language models scale reliably with
 * over-training and on downstream tasks": {@code models/<run>.json} (one training run each),
 * {@code evals/evaluation_<run>_heavy.json} (its downstream accuracies) and {@code eval_metadata.csv}
 * (each task's random baseline, in percent).
 *
 * <p>Columns of every row: {@code run}, {@code dataset}, {@code params} (N, with embeddings),
 * {@code params_no_embed}, {@code tokens} (D), {@code multiplier} (M, D = 20 M N), {@code tpr} (D/N),
 * {@code flops} (6 N D), {@code loss} (the validation loss chosen by option {@code loss}, by default
 * the C4 validation loss {@code c4_val}) and every validation loss as {@code loss_<set>} (e.g.
 * {@code loss_c4_val}, {@code loss_paloma_falcon_refinedweb}). With {@code per: "task"} (the
 * default) there is one row per run and task, adding {@code task}, {@code category},
 * {@code task_type}, {@code shots}, {@code accuracy} (a fraction) and {@code baseline} (the random
 * baseline as a fraction: the file's percent / 100). With {@code per: "run"} there is one row per run.
 * Option {@code tasks: "task, ..."} keeps only those tasks' rows. Option {@code average: "task, ..."} adds {@code avg_error}, the run's mean top-1 error
 * {@code 1 - accuracy} over those tasks (Gadre et al.'s average over a task subset).
 *
 * <p>Roles: run, params, tokens, loss (and every {@code loss_*}), accuracy, baseline ({@code tpr} and
 * {@code flops} are computed from checked values).
 * Duplicate runs: two runs with the same dataset, params and tokens (and task).
 */
public final class GadreReader implements DataReader {
    private static final String C4_VAL = "c4_val";

    @Override
    public String name() {
        return "gadre";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> out = new TreeMap<>();
        out.put("per", "\"task\" (default): one row per run and task; \"run\": one row per run");
        out.put("loss", "the validation set whose loss is the column 'loss' (default \"c4_val\")");
        out.put("average", "tasks to average the top-1 error over into 'avg_error', e.g. \"arc_easy, piqa\"");
        out.put("tasks", "with per: \"task\", the tasks to keep (default: all), e.g. \"arc_easy, piqa\"");
        out.put(Duplicates.OPTION, Duplicates.description(duplicates()));
        return out;
    }

    @Override
    public ReadTable read(Path folder, DataSandbox sandbox, ReaderOptions options) throws DataError, OptionError {
        String per = options.text("per", "task");
        if (!per.equals("task") && !per.equals("run")) {
            throw new OptionError("per", "option 'per' is \"task\" or \"run\", not \"" + per + "\"");
        }
        String lossSet = options.text("loss", C4_VAL);
        List<String> average = options.list("average");
        List<String> keep = options.list("tasks");
        if (!keep.isEmpty() && per.equals("run")) {
            throw new OptionError("tasks", "option 'tasks' chooses task rows; with per: \"run\" there are none");
        }
        Path modelsDir = folder.resolve("models");
        Path evalsDir = folder.resolve("evals");
        Path metadataFile = folder.resolve("eval_metadata.csv");
        if (!Files.isDirectory(folder)) {
            throw new DataError(folder, 0, 0, "no such folder; expected the Gadre et al. release (models/, evals/, "
                    + "eval_metadata.csv)");
        }
        DataSandbox inFolder = DataSandbox.within(folder, "the release folder " + folder.getFileName() + "/");
        List<Path> models = new ArrayList<>();
        for (Path model : list(modelsDir, ".json")) {
            models.add(inFolder.require(model));
        }
        List<Path> inputs = new ArrayList<>(models);
        boolean needEvals = per.equals("task") || !average.isEmpty();
        Map<String, Baseline> baselines = needEvals ? baselines(inFolder.require(metadataFile)) : Map.of();
        if (needEvals) {
            inputs.add(metadataFile);
        }
        for (String option : List.of("average", "tasks")) {
            for (String task : options.list(option)) {
                if (!baselines.containsKey(task)) {
                    throw new OptionError(option, "no task '" + task + "' in eval_metadata.csv"
                            + ColumnMapping.hint(task, List.copyOf(baselines.keySet())));
                }
            }
        }
        TableBuilder builder = new TableBuilder();
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Role r : List.of(Role.RUN, Role.PARAMS, Role.TOKENS, Role.LOSS)) {
            roles.put(r.key(), r);
        }
        for (Path modelFile : models) {
            JsonFile model = JsonFile.parse(modelFile, TextFiles.read(modelFile), 1);
            String run = model.root().path("name").asText(stem(modelFile));
            JsonFile eval = null;
            if (needEvals) {
                Path evalFile = inFolder.require(evalsDir.resolve("evaluation_" + stem(modelFile) + "_heavy.json"));
                if (!Files.isRegularFile(evalFile)) {
                    throw new DataError(modelFile, 1, 0, "no evaluation file for this run: expected "
                            + folder.relativize(evalFile));
                }
                inputs.add(evalFile);
                eval = JsonFile.parse(evalFile, TextFiles.read(evalFile), 1);
            }
            Map<String, Object> runValues = new LinkedHashMap<>();
            Map<String, CellSource> runSources = new LinkedHashMap<>();
            runCells(model, run, lossSet, runValues, runSources, roles);
            if (!average.isEmpty()) {
                averageError(eval, average, runValues, runSources);
            }
            if (per.equals("run")) {
                builder.row(1);
                runValues.forEach((k, v) -> builder.set(k, v, runSources.get(k)));
                continue;
            }
            JsonNode icl = eval.root().path("eval_metrics").path("icl");
            if (!icl.isObject()) {
                throw new DataError(eval.path(), 1, 0, "no object eval_metrics.icl (task -> accuracy) in this file");
            }
            List<String> taskNames = new ArrayList<>();
            if (keep.isEmpty()) {
                icl.fieldNames().forEachRemaining(taskNames::add);
            } else {
                taskNames.addAll(keep);
            }
            for (String taskName : taskNames) {
                CellSource accuracyAt = eval.source("/eval_metrics/icl/" + taskName);
                Baseline baseline = baselines.get(taskName);
                if (baseline == null) {
                    throw new DataError(eval.path(), accuracyAt.line(), accuracyAt.column(), "task '" + taskName
                            + "' has no row in eval_metadata.csv, so its random baseline is unknown");
                }
                builder.row(accuracyAt.line());
                runValues.forEach((k, v) -> builder.set(k, v, runSources.get(k)));
                builder.set("task", taskName, accuracyAt);
                builder.set("category", baseline.category, baseline.source);
                builder.set("task_type", baseline.type, baseline.source);
                builder.set("shots", baseline.shots, baseline.source);
                builder.set("accuracy", JsonFile.value(icl.get(taskName)), accuracyAt);
                builder.set("baseline", baseline.fraction, baseline.source);
            }
        }
        if (builder.rows() == 0) {
            throw new DataError(modelsDir, 0, 0, "no run in this folder (expected models/<run>.json files)");
        }
        List<String> key = new ArrayList<>(List.of("dataset", "params", "tokens"));
        if (per.equals("task")) {
            roles.put(Role.ACCURACY.key(), Role.ACCURACY);
            roles.put(Role.BASELINE.key(), Role.BASELINE);
            key.add("task");
        }
        if (!average.isEmpty()) {
            roles.put("avg_error", Role.ACCURACY);
        }
        return builder.build(roles, key, null, List.copyOf(inputs));
    }

    private static void runCells(JsonFile model, String run, String lossSet, Map<String, Object> values,
                                 Map<String, CellSource> sources, Map<String, Role> roles) throws DataError {
        JsonNode h = model.root().path("hyperparameters");
        put(values, sources, "run", run, model.source("/name"));
        put(values, sources, "dataset", JsonFile.value(model.root().get("dataset_name")), model.source("/dataset_name"));
        Object params = JsonFile.value(h.get("params"));
        Object tokens = JsonFile.value(h.get("tokens"));
        put(values, sources, "params", params, model.source("/hyperparameters/params"));
        put(values, sources, "params_no_embed", JsonFile.value(h.get("params_no_embed")),
                model.source("/hyperparameters/params_no_embed"));
        put(values, sources, "tokens", tokens, model.source("/hyperparameters/tokens"));
        put(values, sources, "multiplier", JsonFile.value(h.get("chinchilla_multiplier")),
                model.source("/hyperparameters/chinchilla_multiplier"));
        boolean numbers = params instanceof Double && tokens instanceof Double;
        CellSource tokensAt = model.source("/hyperparameters/tokens");
        put(values, sources, "tpr", numbers ? (Double) tokens / (Double) params : null,
                derived(tokensAt, numbers, (Double) (numbers ? (Double) tokens / (Double) params : null)));
        put(values, sources, "flops", numbers ? 6 * (Double) params * (Double) tokens : null,
                derived(tokensAt, numbers, numbers ? 6 * (Double) params * (Double) tokens : null));
        JsonNode results = model.root().path("results");
        Object chosen = null;
        CellSource chosenAt = new CellSource(model.path(), 1, 0, null);
        Map<String, Object> losses = new TreeMap<>();
        Map<String, CellSource> lossSources = new TreeMap<>();
        for (int i = 0; i < results.size(); i++) {
            String set = validationSet(results.get(i).path("val_data").path(0).asText(""));
            if (set.isEmpty()) {
                continue;
            }
            Object loss = JsonFile.value(results.get(i).get("loss"));
            CellSource at = model.source("/results/" + i + "/loss");
            losses.put("loss_" + set, loss);
            lossSources.put("loss_" + set, at);
            if (set.equals(lossSet)) {
                chosen = loss;
                chosenAt = at;
            }
        }
        if (!lossSources.containsKey("loss_" + lossSet)) {
            throw new DataError(model.path(), 1, 0, "no result on the validation set '" + lossSet + "' in this run"
                    + (losses.isEmpty() ? "" : "; it has " + String.join(", ", losses.keySet()).replace("loss_", "")));
        }
        put(values, sources, "loss", chosen, chosenAt);
        for (String name : losses.keySet()) {
            put(values, sources, name, losses.get(name), lossSources.get(name));
            roles.put(name, Role.LOSS);
        }
    }

    /** A derived value's source: the cell it is computed from, with the derived value as its text. */
    private static CellSource derived(CellSource from, boolean ok, Double value) {
        return new CellSource(from.file(), from.line(), from.column(), ok ? Double.toString(value) : null);
    }

    private static void averageError(JsonFile eval, List<String> tasks, Map<String, Object> values,
                                     Map<String, CellSource> sources) {
        double sum = 0;
        CellSource first = null;
        boolean ok = true;
        for (String task : tasks) {
            Object acc = JsonFile.value(eval.root().path("eval_metrics").path("icl").get(task));
            CellSource at = eval.source("/eval_metrics/icl/" + task);
            first = first == null ? at : first;
            if (acc instanceof Double d && Double.isFinite(d) && d >= 0 && d <= 1) {
                sum += 1 - d;
            } else {
                ok = false;
                first = at;
                break;
            }
        }
        Double mean = ok ? sum / tasks.size() : null;
        put(values, sources, "avg_error", mean, new CellSource(first.file(), first.line(), first.column(),
                mean == null ? null : Double.toString(mean)));
    }

    private static void put(Map<String, Object> values, Map<String, CellSource> sources, String name, Object value,
                            CellSource at) {
        values.put(name, value);
        sources.put(name, at);
    }

    /** "training/eval_data/val_tok_mult/paloma_c4_en/00000001.tar" -> "paloma_c4_en"; "c4_val/shard-..." -> "c4_val". */
    static String validationSet(String path) {
        String[] parts = path.split("/");
        if (parts.length < 2) {
            return "";
        }
        String dir = parts[parts.length - 2];
        return dir.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    private record Baseline(String category, String type, Double shots, Double fraction, CellSource source) { }

    private static Map<String, Baseline> baselines(Path file) throws DataError {
        String text = TextFiles.read(file);
        CsvReader.Records records;
        try {
            records = CsvReader.records(text);
        } catch (DataError e) {
            throw new DataError(file, e.line(), e.field(), e.getMessage());
        }
        List<String> header = records.header();
        int task = column(file, header, "Eval Task");
        int category = column(file, header, "Task Category");
        int type = column(file, header, "Task Type");
        int shots = column(file, header, "#shots");
        int random = column(file, header, "Random baseline");
        Map<String, Baseline> out = new LinkedHashMap<>();
        for (int r = 1; r < records.records().size(); r++) {
            List<String> rec = records.records().get(r);
            int line = records.lines().get(r);
            String cell = rec.get(random).strip();
            Double percent = CsvReader.number(cell);
            out.put(rec.get(task).strip(), new Baseline(rec.get(category).strip(), rec.get(type).strip(),
                    CsvReader.number(rec.get(shots).strip()), percent == null ? null : percent / 100,
                    new CellSource(file, line, random + 1, cell.isEmpty() ? null
                            : percent == null ? cell : Double.toString(percent / 100))));
        }
        return out;
    }

    private static int column(Path file, List<String> header, String name) throws DataError {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new DataError(file, 1, 0, "no column '" + name + "' in the header; expected Eval Task, "
                    + "Task Category, Task Type, #shots, Random baseline");
        }
        return i;
    }

    private static List<Path> list(Path dir, String suffix) throws DataError {
        if (!Files.isDirectory(dir)) {
            throw new DataError(dir, 0, 0, "no such folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataError(dir, 0, 0, "cannot list this folder (" + e.getMessage() + ")");
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".json".length());
    }
}
