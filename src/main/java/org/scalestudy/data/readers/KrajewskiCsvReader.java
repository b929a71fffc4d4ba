package org.scalestudy.data.readers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/**
 * {@code krajewski_csv("file.csv")}: the long CSV released with Krajewski et al. (2025), one row per
 * run x benchmark x metric, read as released. Both release files: {@code metrics_dclm_data_mixture.csv}
 * ({@code ,tokens,benchmark,metric_type,score,tpr}) and {@code metrics_c4_mixture.csv}
 * ({@code ,flops,params,tokens,benchmark,metric_type,score,tpr}). The first column of both is the
 * pandas row index with no name in the header; it becomes the column {@code index}. Other columns are
 * kept as they are.
 *
 * <p>Derived columns: {@code params} = tokens / tpr when the file has none, {@code flops} = 6 N D when
 * it has none, {@code run} naming the run by its size ({@code N=1.2e+08 D=2.4e+09}), and, from the
 * metric's name, {@code metric} and {@code k}: for {@code pass@16}, metric {@code pass@k} and k 16
 * ({@code pass@16_stderr}: {@code pass@k_stderr}, 16); for any other metric, metric = metric_type and
 * k is missing. So Eq. 5 reads k straight from the file: {@code where metric == "pass@k"}, law argument
 * {@code k: k}. A file that has its own {@code metric} or {@code k} column keeps it.
 *
 * <p>Roles: tokens, tpr, and params and flops when the file has them (> 0; derived values are not
 * checked again); score (a number; in [0, 1] when the metric is an accuracy, see
 * {@link Role#accuracyLike}; an empty score, as in the release's {@code *_stderr} rows, is missing).
 * Duplicates: rows with the same params, tokens, benchmark and metric_type. The release evaluates its
 * 17.9B-parameter run twice, so the default is {@code duplicates: "last"}: the later evaluation wins,
 * with a warning.
 */
public final class KrajewskiCsvReader implements DataReader {
    static final List<String> REQUIRED = List.of("tokens", "benchmark", "metric_type", "score", "tpr");
    /** The name given to the unnamed first column (the pandas row index). */
    static final String INDEX = "index";
    private static final Pattern PASS_AT_K = Pattern.compile("pass@(\\d+)(.*)");

    @Override
    public String name() {
        return "krajewski_csv";
    }

    @Override
    public Map<String, String> options() {
        Map<String, String> out = new TreeMap<>();
        out.put(Duplicates.OPTION, Duplicates.description(duplicates()));
        return out;
    }

    @Override
    public Duplicates.Policy duplicates() {
        return Duplicates.Policy.LAST;
    }

    @Override
    public ReadTable read(Path path, DataSandbox sandbox, ReaderOptions options) throws DataError {
        String text = TextFiles.read(path);
        CsvReader.Records records;
        try {
            records = CsvReader.records(text, INDEX);
        } catch (DataError e) {
            throw new DataError(path, e.line(), e.field(), e.getMessage());
        }
        List<String> header = records.header();
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                throw new DataError(path, records.lines().get(0), 0, "no column '" + required + "' in the header; "
                        + "a Krajewski et al. long CSV has " + String.join(", ", REQUIRED)
                        + " (and optionally flops, params)");
            }
        }
        boolean hasParams = header.contains("params");
        boolean hasFlops = header.contains("flops");
        boolean hasMetric = header.contains("metric");
        boolean hasK = header.contains("k");
        TableBuilder builder = new TableBuilder();
        builder.column("run");
        header.forEach(builder::column);
        if (!hasParams) {
            builder.column("params");
        }
        if (!hasFlops) {
            builder.column("flops");
        }
        if (!hasMetric) {
            builder.column("metric");
        }
        if (!hasK) {
            builder.column("k");
        }
        for (int r = 1; r < records.records().size(); r++) {
            List<String> rec = records.records().get(r);
            int line = records.lines().get(r);
            builder.row(line);
            Map<String, CellSource> at = new LinkedHashMap<>();
            Map<String, Double> numbers = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String cell = rec.get(c).strip();
                Object value = MissingCells.value(cell);
                Double n = value instanceof Double d ? d : null;
                CellSource src = new CellSource(path, line, c + 1, MissingCells.written(cell));
                builder.set(header.get(c), value, src);
                at.put(header.get(c), src);
                numbers.put(header.get(c), n);
            }
            Double tokens = numbers.get("tokens");
            Double params = hasParams ? numbers.get("params") : tokens != null && numbers.get("tpr") != null
                    ? tokens / numbers.get("tpr") : null;
            if (!hasParams) {
                builder.set("params", params, derived(at.get("tpr"), params));
            }
            if (!hasFlops) {
                Double flops = params != null && tokens != null ? 6 * params * tokens : null;
                builder.set("flops", flops, derived(at.get("tokens"), flops));
            }
            CellSource metricAt = at.get("metric_type");
            String metricType = metricAt.raw() == null ? "" : metricAt.raw();
            Matcher pass = PASS_AT_K.matcher(metricType);
            boolean passAtK = pass.matches();
            if (!hasMetric) {
                String metric = passAtK ? "pass@k" + pass.group(2) : metricType;
                builder.set("metric", metric, new CellSource(path, line, metricAt.column(), metric));
            }
            if (!hasK) {
                Double k = passAtK ? Double.valueOf(pass.group(1)) : null;
                builder.set("k", k, new CellSource(path, line, metricAt.column(), passAtK ? pass.group(1) : null));
            }
            String run = params != null && tokens != null
                    ? String.format(Locale.ROOT, "N=%.3g D=%.3g", params, tokens) : "line " + line;
            builder.set("run", run, new CellSource(path, line, 0, run));
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("tokens", Role.TOKENS);
        roles.put("tpr", Role.TPR);
        if (hasParams) {
            roles.put("params", Role.PARAMS);
        }
        if (hasFlops) {
            roles.put("flops", Role.FLOPS);
        }
        roles.put("score", Role.SCORE);
        List<String> key = new ArrayList<>(List.of("params", "tokens", "benchmark", "metric_type"));
        return builder.build(roles, key, "metric_type", List.of(path));
    }

    private static CellSource derived(CellSource from, Double value) {
        return new CellSource(from.file(), from.line(), from.column(), value == null ? null : Double.toString(value));
    }
}
