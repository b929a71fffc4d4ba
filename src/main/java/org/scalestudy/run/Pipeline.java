package org.scalestudy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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

    /**
     * @param dataRoots folders outside their projects that studies may read data from ({@code --data-root})
     *
     * <p>Studies are read, parsed and checked in parallel (each on its own; they share nothing), and their
     * diagnostics gathered in the order of {@code entries}, as a sequential check would give them.
     */
    public static Checked check(List<StudyFiles.Entry> entries, List<Path> dataRoots) throws DiagnosticException {
        int n = entries.size();
        List<List<Diagnostic>> problemsOf = new ArrayList<>(n);
        SourceFile[] sources = new SourceFile[n];
        String[] hashOf = new String[n];
        String[] unreadable = new String[n];
        Workers.call(() -> {
            IntStream.range(0, n).parallel().forEach(i -> {
                StudyFiles.Entry entry = entries.get(i);
                try {
                    byte[] bytes = Files.readAllBytes(entry.file());
                    sources[i] = new SourceFile(StudyFiles.display(entry.file()), entry.file(),
                            StandardDecoding.utf8(bytes));
                    hashOf[i] = StandardDecoding.sha256(bytes);
                } catch (IOException e) {
                    unreadable[i] = e.getMessage();
                }
            });
            return null;
        });
        // Slugs in entry order: the first study to claim a folder keeps it.
        boolean[] go = new boolean[n];
        Map<String, String> slugs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            StudyFiles.Entry entry = entries.get(i);
            String display = StudyFiles.display(entry.file());
            List<Diagnostic> problems = new ArrayList<>();
            problemsOf.add(problems);
            if (sources[i] == null) {
                problems.add(new Diagnostic(display, 1, 0, Diagnostic.Severity.ERROR,
                        "cannot read this study file as UTF-8 text (" + unreadable[i] + ")", null));
                continue;
            }
            String other = slugs.putIfAbsent(entry.slug(), display);
            if (other != null) {
                problems.add(sources[i].error(new Pos(1, 1), "this study would be written to '" + entry.slug()
                        + "/', as is " + other + "; rename one of them"));
                continue;
            }
            go[i] = true;
        }
        CheckedStudy[] checkedOf = new CheckedStudy[n];
        Workers.call(() -> {
            IntStream.range(0, n).parallel().filter(i -> go[i]).forEach(i -> {
                StudyFiles.Entry entry = entries.get(i);
                try {
                    Study study = StudyParsing.parse(sources[i]);
                    checkedOf[i] = Checker.check(sources[i], study, entry.slug(),
                            DataSandbox.forStudy(entry.file(), dataRoots));
                    problemsOf.get(i).addAll(checkedOf[i].warnings());
                } catch (DiagnosticException e) {
                    problemsOf.get(i).addAll(e.diagnostics());
                }
            });
            return null;
        });
        List<Diagnostic> problems = new ArrayList<>();
        List<CheckedStudy> studies = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            problems.addAll(problemsOf.get(i));
            if (checkedOf[i] != null) {
                studies.add(checkedOf[i]);
                files.add(sources[i].displayName());
                hashes.add(hashOf[i]);
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
        List<StudyResult> results;
        try {
            // Every study at once, so that one study's last slow fit does not leave the other cores idle.
            results = Workers.call(() -> IntStream.range(0, checked.studies().size()).parallel()
                    .mapToObj(i -> Interpreter.run(checked.studies().get(i), checked.files().get(i),
                            checked.hashes().get(i), runner))
                    .toList());
        } finally {
            progress.finished();
        }
        return new Run(results, runner.cached(), runner.ran(), runner.refits());
    }
}
