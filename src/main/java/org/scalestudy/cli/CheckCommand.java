package org.scalestudy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalestudy.lang.Crash;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalestudy check}: parse and check studies, write nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Parse and check studies (names, data, fit windows) without fitting or writing anything.",
        footer = {"", "Exit codes: 0 no errors (warnings allowed), 1 a study has errors, 2 the command could not run,",
                "70 an internal error (a bug in scalestudy; please report it).",
                "", "Examples:", "  scalestudy check",
                "  scalestudy check studies/demo.study",
                "  scalestudy check --format json studies/   # for editors and CI: an array of",
                "                                            # {column, file, line, message, severity}",
                "  scalestudy check --format github studies/ # GitHub Actions annotations, one a line"})
public final class CheckCommand implements Callable<Integer> {
    /** How diagnostics are printed. */
    enum Format { text, json, github }

    @Parameters(paramLabel = "STUDY_OR_DIR", arity = "0..*",
            description = "Study files or folders to search for *.study (default: studies/).")
    List<Path> inputs = List.of(Path.of("studies"));

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default: messages with the source line, on stderr), json (an array on stdout, "
                    + "empty when all is well) or github (::error file=…,line=…,col=…::message lines on stdout).")
    Format format = Format.text;

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "A folder outside the study's project that its data files may be in (repeatable).")
    List<Path> dataRoots = List.of();

    @Override
    public Integer call() {
        List<StudyFiles.Entry> entries;
        try {
            entries = StudyFiles.find(inputs);
        } catch (IOException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
        try {
            Pipeline.Checked checked = Pipeline.check(entries, dataRoots);
            if (format == Format.json) {
                System.out.print(DiagnosticsJson.write(checked.warnings()));
            } else if (format == Format.github) {
                System.out.print(GithubAnnotations.write(checked.warnings()));
            } else {
                checked.warnings().forEach(w -> System.err.println(w.format()));
                System.out.println("checked " + entries.size() + " stud" + (entries.size() == 1 ? "y" : "ies")
                        + ": no errors");
            }
            return 0;
        } catch (DiagnosticException e) {
            if (format == Format.json) {
                System.out.print(DiagnosticsJson.write(e.diagnostics()));
            } else if (format == Format.github) {
                System.out.print(GithubAnnotations.write(e.diagnostics()));
            } else {
                report(e.diagnostics());
            }
            return Main.STUDY_ERRORS;
        } catch (RuntimeException | Error e) {
            if (format == Format.json) {
                System.out.print(DiagnosticsJson.write(List.of(Crash.diagnostic(e))));
            } else {
                System.err.println(Crash.line(e));
            }
            return Main.INTERNAL_ERROR;
        }
    }

    static void report(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            System.err.println(d.format());
        }
        long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        System.err.println(errors + " error" + (errors == 1 ? "" : "s") + "; nothing was written");
    }
}
