package org.scalestudy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scalestudy.check.CheckedStudy;
import org.scalestudy.check.Checker;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.check.StandardDecoding;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.lang.ast.Pos;
import org.scalestudy.lang.ast.Study;
import org.scalestudy.results.StudyResult;

/**
 * The whole flow for a set of study files: text → syntax tree → checked study → results. Checks
 * every study before running any, so that one bad study stops the build before anything is written.
 */
public final class Pipeline {
    private Pipeline() {
    }

    /** Checked studies (with their warnings), or every error of every study. */
    public record Checked(List<CheckedStudy> studies, List<String> files, List<String> hashes,
                          List<Diagnostic> warnings) { }

    public static Checked check(List<StudyFiles.Entry> entries) throws DiagnosticException {
        return check(entries, List.of());
    }

    /** @param dataRoots folders outside their projects that studies may read data from ({@code --data-root}) */
    public static Checked check(List<StudyFiles.Entry> entries, List<Path> dataRoots) throws DiagnosticException {
        List<Diagnostic> problems = new ArrayList<>();
        List<CheckedStudy> studies = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        Map<String, String> slugs = new HashMap<>();
        for (StudyFiles.Entry entry : entries) {
            String display = StudyFiles.display(entry.file());
            byte[] bytes;
            SourceFile source;
            try {
                bytes = Files.readAllBytes(entry.file());
                source = new SourceFile(display, entry.file(), StandardDecoding.utf8(bytes));
            } catch (IOException e) {
                problems.add(new Diagnostic(display, 1, 0, Diagnostic.Severity.ERROR,
                        "cannot read this study file as UTF-8 text (" + e.getMessage() + ")", null));
                continue;
            }
            String other = slugs.putIfAbsent(entry.slug(), display);
            if (other != null) {
                problems.add(source.error(new Pos(1, 1), "this study would be written to '" + entry.slug()
                        + "/', as is " + other + "; rename one of them"));
                continue;
            }
            try {
                Study study = StudyParsing.parse(source);
                CheckedStudy checked = Checker.check(source, study, entry.slug(),
                        DataSandbox.forStudy(entry.file(), dataRoots));
                studies.add(checked);
                problems.addAll(checked.warnings());
                files.add(display);
                hashes.add(StandardDecoding.sha256(bytes));
            } catch (DiagnosticException e) {
                problems.addAll(e.diagnostics());
            }
        }
        if (problems.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            throw new DiagnosticException(problems);
        }
        return new Checked(studies, files, hashes, problems);
    }

    public static List<StudyResult> run(Checked checked) {
        return run(checked, null, Progress.NONE).results();
    }

    /**
     * The results, how many fits came from the cache and how many ran, and how many bootstrap refits ran (a
     * cached fit brings its draws, so a fully cached build runs none).
     */
    public record Run(List<StudyResult> results, int cachedFits, int ranFits, long bootstrapRefits) { }

    /**
     * Fits every checked study, taking fits from {@code cache} when it has them (null: no cache).
     * The results are the same with or without a cache.
     */
    public static Run run(Checked checked, FitCache cache, Progress progress) {
        FitRunner runner = new FitRunner(cache, progress);
        progress.started(checked.studies().stream().mapToInt(s -> s.tasks().size()).sum());
        List<StudyResult> results = new ArrayList<>();
        try {
            for (int i = 0; i < checked.studies().size(); i++) {
                results.add(Interpreter.run(checked.studies().get(i), checked.files().get(i), checked.hashes().get(i),
                        runner));
            }
        } finally {
            progress.finished();
        }
        return new Run(results, runner.cached(), runner.ran(), runner.refits());
    }
}
