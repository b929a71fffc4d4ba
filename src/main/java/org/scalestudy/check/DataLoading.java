package org.scalestudy.check;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.data.DatasetLoader;
import org.scalestudy.data.DatasetLoader.Loaded;
import org.scalestudy.data.Evaluation;
import org.scalestudy.data.Table;
import org.scalestudy.data.readers.OptionError;
import org.scalestudy.data.readers.ReaderOptions;
import org.scalestudy.data.readers.Readers;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.ast.DataDecl;
import org.scalestudy.lang.ast.DataStep;
import org.scalestudy.lang.ast.Expr;
import org.scalestudy.lang.ast.Name;

/**
 * The second stage of the checker: reads each data declaration's file (inside the sandbox) with its
 * reader and options, and applies its steps, typing each against the table as it is before the step
 * ({@link DatasetLoader} does the reading and the steps).
 */
final class DataLoading {
    private final SourceFile source;
    private final List<Diagnostic> diagnostics;
    private final DataSandbox sandbox;
    private final ExprTyper typer;
    private final DatasetLoader loader;

    DataLoading(SourceFile source, List<Diagnostic> diagnostics, DataSandbox sandbox, ExprTyper typer,
                Evaluation evaluation) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.sandbox = sandbox;
        this.typer = typer;
        this.loader = new DatasetLoader(source, diagnostics, evaluation);
    }

    /**
     * Loads each declaration, by name, in the order given; a declaration that fails to load maps to a
     * {@link Loaded} without a table (its problems are reported).
     */
    Map<String, Loaded> loadAll(Collection<DataDecl> decls) {
        Map<String, Loaded> data = new LinkedHashMap<>();
        for (DataDecl decl : decls) {
            data.put(decl.name().text(), load(decl));
        }
        return data;
    }

    Loaded load(DataDecl decl) {
        var reader = Readers.find(decl.reader().text());
        if (reader.isEmpty()) {
            diagnostics.add(source.error(decl.reader().pos(), "unknown data reader '" + decl.reader().text() + "'"
                    + Suggestions.hint(decl.reader().text(), Readers.names()) + "; readers: "
                    + String.join(", ", Readers.names())));
            return Loaded.failed(decl);
        }
        ReaderOptions options = ReaderArguments.convert(decl, reader.get(), source, diagnostics);
        if (options == null) {
            return Loaded.failed(decl);
        }
        DataSandbox.Resolved resolved = sandbox.resolve(decl.path());
        if (resolved instanceof DataSandbox.Refused refused) {
            diagnostics.add(source.error(decl.pathPos(), "refusing to read data file '" + decl.path() + "': "
                    + refused.reason()));
            return Loaded.failed(decl);
        }
        Path file = ((DataSandbox.Allowed) resolved).file();
        try {
            return loader.load(decl, reader.get(), options, file, sandbox, (step, table) -> typed(step, table, decl));
        } catch (OptionError e) {
            diagnostics.add(source.error(ReaderArguments.position(decl, e.option()), e.getMessage()));
            return Loaded.failed(decl);
        }
    }

    /** Types one data step against the table as it is before the step; false when it has a problem. */
    private boolean typed(DataStep step, Table table, DataDecl decl) {
        String dataName = decl.name().text();
        if (step instanceof DataStep.Where where) {
            return typer.expect(where.condition(), table, dataName, Type.BOOLEAN, "a 'where' filter") != Type.ERROR;
        }
        Name name = step instanceof DataStep.Let let ? let.name() : ((DataStep.Join) step).name();
        boolean ok = true;
        if (table.has(name.text())) {
            diagnostics.add(source.error(name.pos(), "column '" + name.text() + "' already exists in data '"
                    + dataName + "'; choose another name"));
            ok = false;
        }
        if (step instanceof DataStep.Join join) {
            for (Name key : join.keys()) {
                if (!table.has(key.text())) {
                    diagnostics.add(source.error(key.pos(), "unknown column '" + key.text() + "' in data '"
                            + dataName + "'" + Suggestions.hint(key.text(), table.names())));
                    ok = false;
                }
            }
            ok &= typer.expect(join.condition(), table, dataName, Type.BOOLEAN, "the condition after 'of'")
                    != Type.ERROR;
        }
        Expr value = step instanceof DataStep.Let let ? let.expr() : ((DataStep.Join) step).value();
        Type t = typer.type(value, table, dataName);
        if (t == Type.BOOLEAN) {
            diagnostics.add(source.error(value.pos(), "a derived column is a number or text, not a condition"));
            return false;
        }
        return ok && t != Type.ERROR;
    }
}
