package org.scalestudy.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalestudy.check.StandardDecoding;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.Table;
import org.scalestudy.init.ColumnGuess;
import org.scalestudy.init.ColumnGuesser;
import org.scalestudy.init.KrajewskiScaffold;
import org.scalestudy.init.StudyScaffold;
import org.scalestudy.data.readers.KrajewskiCsvReader;
import org.scalestudy.data.readers.OptionError;
import org.scalestudy.data.readers.ReaderOptions;
import org.scalestudy.data.readers.Readers;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.data.DataSandbox;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.StudyFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalestudy init}: a starting study for a data file. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a starting study for a CSV ladder. The columns' roles are guessed from their names "
                + "and value ranges: N (parameters), D (tokens), compute, a loss, benchmark scores in [0, 1], a "
                + "random-guess baseline, or a long layout with a metric column and a value column. The guesses "
                + "are printed and written as comments at the top of the study, which is then checked.",
                "An existing study file is never replaced without --force."},
        footer = {"", "Examples:", "  scalestudy init studies/data/ladder.csv        # writes studies/ladder.study",
                "  scalestudy init runs.csv --out studies/runs.study --title \"Our ladder\""})
public final class InitCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DATA.csv", description = "The data file: CSV with a header line.")
    Path data;

    @Option(names = "--out", paramLabel = "STUDY",
            description = "Where to write the study (default: studies/<data file name>.study).")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "The study's title (default: from the file name).")
    String title;

    @Option(names = "--force", description = "Replace the study file if it exists.")
    boolean force;

    @Override
    public Integer call() {
        String name = data.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        Path target = out != null ? out : Path.of("studies").resolve(name.isEmpty() ? "study.study" : name + ".study");
        if (Files.exists(target) && !force) {
            System.err.println("scalestudy: " + target + " exists; pass --force to replace it");
            return Main.USAGE;
        }
        Table table;
        Readers.Result release = null;
        try {
            String csv = StandardDecoding.utf8(Files.readAllBytes(data));
            if (KrajewskiScaffold.recognises(CsvReader.records(csv, "index").header())) {
                Path file = data.toAbsolutePath().normalize();
                release = Readers.read(new KrajewskiCsvReader(), file,
                        DataSandbox.within(file.toAbsolutePath().getParent(), "the data file's folder"), ReaderOptions.none());
                if (!release.problems().isEmpty()) {
                    release.problems().stream().limit(20).forEach(e -> System.err.println(StudyFiles.display(data)
                            + ":" + e.line() + (e.field() > 0 ? ":" + e.field() : "") + ": error: " + e.getMessage()));
                    System.err.println("scalestudy: " + data + " has " + release.problems().size() + " invalid value"
                            + (release.problems().size() == 1 ? "" : "s") + "; no study written");
                    return Main.STUDY_ERRORS;
                }
                table = release.read().table();
            } else {
                table = CsvReader.read(csv);
            }
        } catch (OptionError e) {
            throw new IllegalStateException(e); // krajewski_csv is given no option
        } catch (CharacterCodingException e) {
            System.err.println("scalestudy: " + data + " is not UTF-8 text; save it as UTF-8");
            return Main.USAGE;
        } catch (IOException e) {
            System.err.println("scalestudy: cannot read " + data + " (" + e.getMessage() + ")");
            return Main.USAGE;
        } catch (DataError e) {
            System.err.println(StudyFiles.display(data) + ":" + e.line() + (e.field() > 0 ? ":" + e.field() : "")
                    + ": error: " + e.getMessage());
            return Main.STUDY_ERRORS;
        }
        ColumnGuess guess = release != null ? null : ColumnGuesser.guess(table);
        Path studyDir = target.toAbsolutePath().normalize().getParent();
        String dataPath = studyDir.relativize(data.toAbsolutePath().normalize()).toString().replace('\\', '/');
        String studyTitle = title != null ? title : titleFrom(name);
        String text;
        List<String> notes = guess == null ? List.of() : guess.notes();
        try {
            String command = "scalestudy init " + StudyFiles.display(data);
            if (release != null) {
                KrajewskiScaffold.Written written = KrajewskiScaffold.write(table,
                        release.warnings().stream().map(DataError::getMessage).toList(), studyTitle, dataPath, command);
                text = written.text();
                notes = written.notes();
            } else {
                text = StudyScaffold.write(guess, table, studyTitle, dataPath, command);
            }
        } catch (StudyScaffold.NothingToFit e) {
            System.err.println("scalestudy: " + data + ": " + e.getMessage());
            return Main.STUDY_ERRORS;
        }
        System.err.println("guessed for " + StudyFiles.display(data) + ":");
        notes.forEach(n -> System.err.println("  " + n));
        try {
            Files.createDirectories(studyDir);
            Files.write(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("scalestudy: cannot write " + target + " (" + e.getMessage() + ")");
            return Main.USAGE;
        }
        System.out.println("wrote " + StudyFiles.display(target));
        // The data file was named on the command line: when it lies outside the study's project, the
        // study may read it only from a data root, so check (and tell the user to build) with its folder as one.
        boolean outside = DataSandbox.forStudy(target, List.of()).resolve(dataPath)
                instanceof DataSandbox.Refused;
        Path dataRoot = data.toAbsolutePath().normalize().getParent();
        List<Path> dataRoots = outside ? List.of(dataRoot) : List.of();
        try {
            Pipeline.Checked checked = Pipeline.check(StudyFiles.find(List.of(target)), dataRoots);
            checked.warnings().forEach(w -> System.err.println(w.format()));
            System.out.println("checked " + StudyFiles.display(target) + ": no errors; build it with: scalestudy build "
                    + StudyFiles.display(target) + (outside ? " --data-root " + dataRoot : ""));
            return 0;
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(d -> System.err.println(d.format()));
            System.err.println("the study was written but does not check; fix the guesses above");
            return Main.STUDY_ERRORS;
        } catch (IOException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
    }

    private static String titleFrom(String fileName) {
        String words = fileName.replaceAll("[_\\-.]+", " ").strip();
        if (words.isEmpty()) {
            return "Scaling study";
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
