package org.scalestudy.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;

/**
 * The errors a study gets: runs a parse, check or build that must fail with a {@link DiagnosticException} (the test
 * fails when it succeeds) and returns its error diagnostics, warnings left out, in the order reported.
 */
public final class StudyErrors {
    private StudyErrors() {
    }

    /** The error diagnostics {@code action} throws. */
    public static List<Diagnostic> of(Executable action) {
        return assertThrows(DiagnosticException.class, action).diagnostics().stream()
                .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    /** The same, each as {@code line:column message}. */
    public static List<String> atLine(Executable action) {
        return of(action).stream().map(d -> d.line() + ":" + d.column() + " " + d.message()).toList();
    }

    /** The same, each as {@code file:line:column message}. */
    public static List<String> inFile(Executable action) {
        return of(action).stream().map(d -> d.file() + ":" + d.line() + ":" + d.column() + " " + d.message()).toList();
    }
}
