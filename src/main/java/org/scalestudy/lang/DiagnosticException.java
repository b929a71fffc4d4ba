package org.scalestudy.lang;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a stage found problems; carries every diagnostic it found, in file order. */
public final class DiagnosticException extends Exception {
    private final List<Diagnostic> diagnostics;

    public DiagnosticException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
