package org.scalestudy.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one resolver for every path a study or a data file names (a data file or folder, a reader option such
 * as {@code lm_eval}'s {@code manifest:}, a file a manifest lists, a file in a folder a reader walks): the
 * path is resolved against {@link #base} and <em>symbolic links are resolved first</em>; the real path must
 * then lie inside one of {@link #roots} (also taken as real paths). A study's roots are its project and the
 * folders named with {@code --data-root}; a manifest's are the results folder it describes.
 *
 * <p>The <b>project</b> is the nearest folder, from the study file's folder upwards, that holds a
 * {@code studies/} folder; when there is none, the study file's own folder.
 *
 * @param base  the folder relative paths are resolved against (absolute, normalized)
 * @param roots absolute, normalized folders inside which files may be read
 * @param scope the roots in words, for refusals (e.g. "the study's project (/p)")
 */
public record DataSandbox(Path base, List<Path> roots, String scope) {
    public DataSandbox {
        roots = List.copyOf(roots);
    }

    /**
     * @param studyFile the study file (null for a study without a file: the working folder is its project)
     * @param dataRoots extra folders named with {@code --data-root}
     */
    public static DataSandbox forStudy(Path studyFile, List<Path> dataRoots) {
        Path folder = studyFile == null ? Path.of("").toAbsolutePath()
                : studyFile.toAbsolutePath().normalize().getParent();
        List<Path> roots = new ArrayList<>();
        roots.add(project(folder));
        for (Path root : dataRoots) {
            roots.add(root.toAbsolutePath().normalize());
        }
        String scope = "the study's project (" + roots.get(0) + ")"
                + (roots.size() > 1 ? " and the data roots " + roots.subList(1, roots.size()) : "")
                + "; a study reads files only inside its project (the folder holding studies/), after symbolic links,"
                + " or inside a folder named with --data-root";
        return new DataSandbox(folder, roots, scope);
    }

    /** Files named relative to {@code folder} that must lie inside it (e.g. the files a manifest lists). */
    public static DataSandbox within(Path folder, String what) {
        Path f = folder.toAbsolutePath().normalize();
        return new DataSandbox(f, List.of(f), what + " (" + f + ")");
    }

    /** The nearest folder from {@code folder} upwards that holds {@code studies/}; else {@code folder}. */
    static Path project(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("studies"))) {
                return p;
            }
        }
        return folder;
    }

    /** The path to read, or a sentence saying why it may not be read. */
    public sealed interface Resolved permits Allowed, Refused { }

    public record Allowed(Path file) implements Resolved { }

    public record Refused(String reason) implements Resolved { }

    /** Resolves {@code written} (as in the study or the data file) against {@link #base}. */
    public Resolved resolve(String written) {
        Path given;
        try {
            given = Path.of(written);
        } catch (InvalidPathException e) {
            return new Refused("'" + written + "' is not a valid path (" + e.getReason() + ")");
        }
        return check(base.resolve(given));
    }

    /** Checks a path a reader found itself (a file in a folder it walks). */
    public Resolved check(Path path) {
        Path lexical = path.toAbsolutePath().normalize();
        Path real = real(path.toAbsolutePath());
        for (Path root : roots) {
            if (real.startsWith(real(root))) {
                // Read what the file system would read for the path as written; name it as written when the
                // two are the same file (no link, or a link inside the root).
                return new Allowed(real.equals(real(lexical)) ? lexical : real);
            }
        }
        return new Refused((real.equals(lexical) ? real.toString() : lexical + " (which is " + real
                + " after symbolic links)") + " is outside " + scope);
    }

    /** The file to read when {@link #check} allows it; else a problem in that file saying why it is not read. */
    public Path require(Path file) throws DataError {
        Resolved resolved = check(file);
        if (resolved instanceof Refused refused) {
            throw new DataError(file, 0, 0, "refusing to read this file: " + refused.reason());
        }
        return ((Allowed) resolved).file();
    }

    /**
     * The path with every symbolic link resolved: the real path of its longest existing prefix, followed by
     * the names that do not exist (yet), normalized.
     */
    private static Path real(Path absolute) {
        Path existing = absolute;
        List<Path> rest = new ArrayList<>();
        while (existing != null) {
            try {
                Path out = existing.toRealPath();
                for (int i = rest.size() - 1; i >= 0; i--) {
                    out = out.resolve(rest.get(i));
                }
                return out.normalize();
            } catch (IOException missing) {
                if (existing.getFileName() == null) {
                    break;
                }
                rest.add(existing.getFileName());
                existing = existing.getParent();
            }
        }
        return absolute.normalize();
    }
}
