package org.scalestudy.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.scalestudy.data.readers.DataReader;
import org.scalestudy.data.readers.OptionError;
import org.scalestudy.data.readers.ReaderOptions;
import org.scalestudy.data.readers.Readers;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.results.ColumnSummary;
import org.scalestudy.results.DatasetSummary;

/**
 * Loads one data declaration: reads its file with its reader (row checks included), then applies its
 * steps in order ({@code let}, {@code where}, and {@code let ... of ... by}, which brings a run's rows
 * together), and summarises the table. The checker has resolved the reader, its options and the path,
 * and types each step (through {@link StepTyping}) before it is evaluated here; problems only the data
 * can show are reported as diagnostics, in the data file or at the step.
 */
public final class DatasetLoader {
    /** Invalid values reported per dataset; the count of all is reported at the declaration. */
    private static final int MAX_ROW_PROBLEMS = 20;

    /** The checker's typing of a step against the table as it is before the step. */
    @FunctionalInterface
    public interface StepTyping {
        /** False when the step has a problem (reported); the loader then evaluates no further step. */
        boolean typed(DataStep step, Table table);
    }

    /**
     * A declaration's table after its steps, and its summary; both null when it could not be loaded.
     *
     * @param fileColumns the columns as the reader gave them (a NaN in a numeric one is a missing value)
     * @param inputs      every file the rows came from
     */
    public record Loaded(DataDecl decl, Table table, DatasetSummary summary, Set<String> fileColumns,
                         List<Path> inputs) {
        public static Loaded failed(DataDecl decl) {
            return new Loaded(decl, null, null, Set.of(), List.of());
        }
    }

    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final Evaluation evaluation;
    private final RunJoin joins;

    public DatasetLoader(SourceFile source, List<Diagnostic> diagnostics, Evaluation evaluation) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.evaluation = evaluation;
        this.joins = new RunJoin(source, diagnostics, evaluation);
    }

    /**
     * @param file the data file or folder, resolved and allowed by the checker
     * @param sandbox the study's sandbox, through which readers resolve further paths
     * @throws OptionError when a reader option is wrong (the checker reports it at the option)
     */
    public Loaded load(DataDecl decl, DataReader reader, ReaderOptions options, Path file, DataSandbox sandbox,
                       StepTyping typing) throws OptionError {
        Readers.Result result;
        try {
            result = Readers.read(reader, file, sandbox, options);
        } catch (DataError e) {
            Path at = e.file() == null ? file : e.file();
            if (at.equals(file) && e.line() == 0) {
                diagnostics.add(source.error(decl.pathPos(), "cannot read data " + (Files.isDirectory(file)
                        ? "folder" : "file") + " '" + decl.path() + "' (" + (Files.exists(file) ? e.getMessage()
                        : "no such file: " + display(file)) + ")"));
            } else if (e.line() == 0) {
                diagnostics.add(source.error(decl.pathPos(), "data '" + decl.name().text() + "' could not be read: "
                        + display(at) + ": " + e.getMessage()));
            } else {
                diagnostics.add(dataDiagnostic(e, file));
                diagnostics.add(source.error(decl.pathPos(), "data '" + decl.name().text()
                        + "' could not be read (see " + display(at) + (e.line() > 0 ? ":" + e.line() : "") + ")"));
            }
            return Loaded.failed(decl);
        }
        if (!result.problems().isEmpty()) {
            List<DataError> problems = result.problems();
            problems.stream().limit(MAX_ROW_PROBLEMS).forEach(e -> diagnostics.add(dataDiagnostic(e, file)));
            diagnostics.add(source.error(decl.pathPos(), "data '" + decl.name().text() + "' has " + problems.size()
                    + " invalid value" + (problems.size() == 1 ? "" : "s")
                    + (problems.size() > MAX_ROW_PROBLEMS ? " (the first " + MAX_ROW_PROBLEMS + " are shown)" : "")
                    + "; fix the data or change the column mapping"));
            return Loaded.failed(decl);
        }
        result.warnings().forEach(w -> diagnostics.add(dataDiagnostic(w, file, Diagnostic.Severity.WARNING)));
        Table table = steps(decl, result.read().table(), typing);
        if (table == null) {
            return Loaded.failed(decl);
        }
        return new Loaded(decl, table, new DatasetSummary(decl.name().text(), decl.path(),
                result.sha256(), table.rows(), columns(table)), Set.copyOf(result.read().table().names()),
                List.copyOf(result.read().inputs()));
    }

    /** The table after every step, or null when a step has a problem (every step is still typed). */
    private Table steps(DataDecl decl, Table table, StepTyping typing) {
        String dataName = decl.name().text();
        boolean ok = true;
        for (DataStep step : decl.steps()) {
            if (!typing.typed(step, table)) {
                ok = false;
                continue;
            }
            if (!ok) {
                continue; // typed against a table that lacks the failed steps' columns; not evaluated
            }
            if (step instanceof DataStep.Let let) {
                table = table.with(let.name().text(), column(evaluation.eval(let.expr(), table, dataName)));
            } else if (step instanceof DataStep.Where where) {
                table = table.filter(evaluation.booleans(where.condition(), table, dataName));
                if (table.rows() == 0) {
                    diagnostics.add(source.error(where.pos(), "this filter leaves no row of '" + decl.path() + "'"));
                    ok = false;
                }
            } else if (step instanceof DataStep.Join join) {
                Column joined = joins.join(join, table, dataName);
                if (joined == null) {
                    ok = false;
                } else {
                    table = table.with(join.name().text(), joined);
                }
            }
        }
        return ok ? table : null;
    }

    /** A derived column from an expression's value: numbers, or text (a missing text is empty, as readers give it). */
    static Column column(Value value) {
        if (value instanceof Value.Numbers n) {
            return new Column.Numbers(n.values());
        }
        String[] texts = ((Value.Texts) value).values().clone();
        for (int i = 0; i < texts.length; i++) {
            texts[i] = texts[i] == null ? "" : texts[i];
        }
        return new Column.Texts(texts, null);
    }

    /** A problem in a data file, reported in that file at its line and field. */
    private static Diagnostic dataDiagnostic(DataError e, Path declared) {
        return dataDiagnostic(e, declared, Diagnostic.Severity.ERROR);
    }

    private static Diagnostic dataDiagnostic(DataError e, Path declared, Diagnostic.Severity severity) {
        return new Diagnostic(display(e.file() == null ? declared : e.file()), e.line(), e.field(),
                severity, e.getMessage(), null);
    }

    private static List<ColumnSummary> columns(Table table) {
        List<ColumnSummary> out = new ArrayList<>();
        for (String name : table.names()) {
            Column c = table.column(name);
            if (c instanceof Column.Numbers nums) {
                double min = Double.NaN;
                double max = Double.NaN;
                Set<Double> distinct = new HashSet<>();
                for (double v : nums.values()) {
                    if (Double.isFinite(v)) {
                        min = Double.isNaN(min) ? v : Math.min(min, v);
                        max = Double.isNaN(max) ? v : Math.max(max, v);
                    }
                    distinct.add(v);
                }
                out.add(new ColumnSummary(name, true, table.isDerived(name), min, max, distinct.size()));
            } else {
                out.add(new ColumnSummary(name, false, table.isDerived(name), Double.NaN, Double.NaN,
                        new HashSet<>(java.util.Arrays.asList(((Column.Texts) c).values())).size()));
            }
        }
        return out;
    }

    /** A file as diagnostics name it: relative to the working folder when inside it. */
    public static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
