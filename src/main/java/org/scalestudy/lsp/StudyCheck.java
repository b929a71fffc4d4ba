package org.scalestudy.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.scalestudy.check.CheckedStudy;
import org.scalestudy.check.Checker;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.results.ColumnSummary;
import org.scalestudy.results.DatasetSummary;
import org.scalestudy.run.StudyFiles;

/**
 * Checks the text an editor holds (not the file on disk) exactly as {@code scalestudy check} checks a file,
 * and turns its diagnostics into LSP diagnostics by file: the study's own, and those in the data files it reads.
 * It parses, types and reads data; it never fits.
 */
final class StudyCheck {
    private StudyCheck() {
    }

    /**
     * The outcome of one check: diagnostics for each file URI (the study's always present, maybe empty) and the
     * columns of each dataset that loaded (null when the study has errors).
     */
    record Outcome(Map<String, List<org.eclipse.lsp4j.Diagnostic>> byUri, Map<String, List<String>> columns) { }

    static Outcome run(String uri, String text) {
        Path file = Path.of(URI.create(uri));
        String display = StudyFiles.display(file);
        SourceFile source = new SourceFile(display, file, text);
        List<Diagnostic> found;
        Map<String, List<String>> columns = null;
        try {
            CheckedStudy checked = Checker.check(source, StudyParsing.parse(source), "study",
                    DataSandbox.forStudy(file, List.of()));
            found = checked.warnings();
            columns = new LinkedHashMap<>();
            for (DatasetSummary d : checked.datasets()) {
                columns.put(d.name(), d.columns().stream().map(ColumnSummary::name).toList());
            }
        } catch (DiagnosticException e) {
            found = e.diagnostics();
        }
        Map<String, List<org.eclipse.lsp4j.Diagnostic>> byUri = new LinkedHashMap<>();
        byUri.put(uri, new ArrayList<>());
        for (Diagnostic d : found.stream().sorted(Diagnostic.ORDER).toList()) {
            String target = d.file().equals(display) ? uri
                    : Path.of(d.file()).toAbsolutePath().normalize().toUri().toString();
            String lineText = d.file().equals(display) ? Tokens.line(text, d.line() - 1)
                    : d.sourceLine() == null ? "" : d.sourceLine();
            byUri.computeIfAbsent(target, k -> new ArrayList<>()).add(convert(d, lineText));
        }
        return new Outcome(byUri, columns);
    }

    /** check's line and column (1-based; column 0 = the whole line) as an LSP range over the word there. */
    static org.eclipse.lsp4j.Diagnostic convert(Diagnostic d, String lineText) {
        int line = Math.max(0, d.line() - 1);
        Range range;
        if (d.column() <= 0) {
            range = new Range(new Position(line, 0), new Position(line, lineText.length()));
        } else {
            int start = d.column() - 1;
            range = new Range(new Position(line, start), new Position(line, Tokens.extent(lineText, start)));
        }
        return new org.eclipse.lsp4j.Diagnostic(range, d.message(),
                d.severity() == Diagnostic.Severity.ERROR ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                "scalestudy");
    }
}
