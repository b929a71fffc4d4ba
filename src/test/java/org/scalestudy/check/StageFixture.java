package org.scalestudy.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.data.Evaluation;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.lang.ast.Study;

/** One study file in a folder, parsed, with the parts the checker's stages share; for the stage tests. */
final class StageFixture {
    final SourceFile source;
    final Study study;
    final List<Diagnostic> diagnostics = new ArrayList<>();
    final ExprTyper typer;
    final Evaluation evaluation;
    final CustomLaws customLaws;
    final DataSandbox sandbox;

    /** Writes {@code text} as {@code t.study} in {@code dir} (beside any data the test wrote there) and parses it. */
    StageFixture(Path dir, String text) throws IOException, DiagnosticException {
        Path file = dir.resolve("t.study");
        Files.writeString(file, text);
        source = SourceFile.read(file, "t.study");
        study = StudyParsing.parse(source);
        typer = new ExprTyper(source, diagnostics);
        evaluation = new Evaluation(source, diagnostics);
        customLaws = new CustomLaws(source, diagnostics);
        sandbox = DataSandbox.forStudy(file, List.of());
    }

    NameResolver resolver() {
        return new NameResolver(source, diagnostics, customLaws);
    }

    DataLoading loading() {
        return new DataLoading(source, diagnostics, sandbox, typer, evaluation);
    }

    TaskPlanner planner() {
        return new TaskPlanner(source, diagnostics, typer, evaluation, customLaws);
    }

    /** Each diagnostic as {@code line:column: severity: message}, in the order reported. */
    List<String> reported() {
        return diagnostics.stream().map(d -> d.line() + ":" + d.column() + ": " + d.severity().label() + ": "
                + d.message()).toList();
    }
}
