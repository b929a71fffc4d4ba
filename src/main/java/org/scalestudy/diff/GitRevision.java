package org.scalestudy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalestudy.report.AtomicDirectory;
import java.util.List;
import java.util.SortedMap;
import org.scalestudy.lang.Diagnostic;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.run.StudyFiles;
import org.scalestudy.run.StudyInputs;

/**
 * A study as it was at a git revision, built: the study file and every data file it names are taken from the
 * revision with {@code git show REV:path} into a temporary copy of the repository's layout, built there, and
 * the copy deleted. A data file missing at that revision is reported by the checker as usual; a data path
 * leading out of the repository is refused.
 */
public final class GitRevision {
    private GitRevision() {
    }

    /** The results of {@code study} (a path on disk, which need not exist any more) at {@code revision}. */
    public static SortedMap<String, JsonNode> build(String revision, Path study)
            throws IOException, DiagnosticException {
        return build(revision, study, null);
    }

    /** As above, taking fits from {@code cache} and storing new ones in it (null: no cache). */
    public static SortedMap<String, JsonNode> build(String revision, Path study, org.scalestudy.run.FitCache cache)
            throws IOException, DiagnosticException {
        if (revision.isEmpty() || revision.startsWith("-")) {
            throw new IOException("'" + revision + "' is not a git revision");
        }
        Path absolute = study.toAbsolutePath().normalize();
        Path existing = absolute.getParent();
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new IOException("no folder of " + study + " exists");
        }
        Path top = Path.of(new String(git(existing, "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).strip())
                .toRealPath();
        Path inRepo = top.relativize(existing.toRealPath().resolve(existing.relativize(absolute)));
        if (inRepo.startsWith("..")) {
            throw new IOException(study + " is not inside the git repository " + top);
        }
        Path copy = Files.createTempDirectory("scalestudy-diff-");
        try {
            byte[] text = git(top, "show", revision + ":" + slashes(inRepo));
            Path studyCopy = copy.resolve(inRepo);
            Files.createDirectories(studyCopy.getParent());
            Files.write(studyCopy, text);
            Path studyDir = inRepo.getParent() == null ? Path.of("") : inRepo.getParent();
            for (String data : StudyInputs.dataPaths(new String(text, StandardCharsets.UTF_8), inRepo.toString())) {
                Path dataInRepo = studyDir.resolve(data).normalize();
                if (dataInRepo.isAbsolute() || dataInRepo.startsWith("..")) {
                    throw new IOException(revision + ":" + slashes(inRepo) + " reads '" + data
                            + "', which is outside the repository; diff cannot take it from git");
                }
                String type;
                try {
                    type = new String(git(top, "cat-file", "-t", revision + ":" + slashes(dataInRepo)),
                            StandardCharsets.UTF_8).strip();
                } catch (IOException missingAtRevision) {
                    continue;  // the checker reports the missing file at the study's line
                }
                // A folder (the gadre and lm_eval readers read one) is copied file by file.
                List<String> files = type.equals("tree") ? tree(top, revision, dataInRepo) : List.of(slashes(dataInRepo));
                for (String file : files) {
                    Path dataCopy = copy.resolve(file);
                    Files.createDirectories(dataCopy.getParent());
                    Files.write(dataCopy, git(top, "show", revision + ":" + file));
                }
            }
            try {
                return Builds.build(List.of(studyCopy), cache);
            } catch (DiagnosticException e) {
                throw new DiagnosticException(renamed(e.diagnostics(), StudyFiles.display(copy) + "/", revision + ":"));
            }
        } finally {
            AtomicDirectory.deleteTree(copy);
        }
    }

    /** The files below {@code folder} at {@code revision}, as paths from the repository's top. */
    private static List<String> tree(Path top, String revision, Path folder) throws IOException {
        String listing = new String(git(top, "ls-tree", "-r", "-z", "--name-only", revision, "--",
                slashes(folder) + "/"), StandardCharsets.UTF_8);
        List<String> out = new java.util.ArrayList<>();
        for (String name : listing.split("\0")) {
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /** The diagnostics with files in the temporary copy named as {@code REV:path} instead. */
    private static List<Diagnostic> renamed(List<Diagnostic> diagnostics, String copyPrefix, String revisionPrefix) {
        return diagnostics.stream().map(d -> d.file().startsWith(copyPrefix)
                ? new Diagnostic(revisionPrefix + d.file().substring(copyPrefix.length()), d.line(), d.column(),
                        d.severity(), d.message().replace(copyPrefix, revisionPrefix), d.sourceLine())
                : d).toList();
    }

    private static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    /** Runs git in {@code dir}; its standard output, or an IOException with its error message. */
    static byte[] git(Path dir, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IOException("cannot run git (" + e.getMessage() + "); is it installed?", e);
        }
        process.getOutputStream().close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errors = new Thread(() -> {
            try (InputStream in = process.getErrorStream()) {
                in.transferTo(err);
            } catch (IOException ignored) {
                // the exit code tells
            }
        });
        errors.start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            int code = process.waitFor();
            errors.join();
            if (code != 0) {
                throw new IOException("git " + String.join(" ", args) + ": "
                        + err.toString(StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new IOException("interrupted while running git", e);
        }
        return out;
    }
}
