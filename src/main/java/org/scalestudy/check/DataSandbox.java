package org.scalestudy.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a study may read data files: inside its project, or inside a data root named on the command line.
 *
 * <p>The <b>project</b> is the nearest folder, from the study file's folder upwards, that holds a
 * {@code studies/} folder; when there is none, the study file's own folder. A data path is resolved against
 * the study file's folder <em>lexically</em> (names and {@code ..} are applied to the path as written, not
 * to where links point) and must then lie inside the project or a data root. So a symbolic link inside the
 * project, e.g. {@code external/ladder -> /mnt/runs}, may point anywhere: whoever put the link in
 * the project allowed it. One thing is refused besides: a {@code ..} right after a symbolic link
 * ({@code external/ladder/../x}), since the file system would climb from the link's target, not from the
 * folder holding the link, and so reach a place the lexical path does not name.
 *
 * @param roots absolute, normalized folders inside which files may be read
 */
public record DataSandbox(List<Path> roots) {
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
        return new DataSandbox(roots);
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

    /** The absolute, normalized path a study names, or a sentence saying why it may not read it. */
    public sealed interface Resolved permits Allowed, Refused { }

    public record Allowed(Path file) implements Resolved { }

    public record Refused(String reason) implements Resolved { }

    /** Resolves {@code written} (as in the study) against the study file's folder {@code base}. */
    public Resolved resolve(Path base, String written) {
        Path given;
        try {
            given = Path.of(written);
        } catch (java.nio.file.InvalidPathException e) {
            return new Refused("'" + written + "' is not a valid path (" + e.getReason() + ")");
        }
        Path current = given.isAbsolute() ? given.getRoot() : base.toAbsolutePath().normalize();
        for (Path name : given) {
            String part = name.toString();
            if (part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (Files.isSymbolicLink(current)) {
                    return new Refused("'..' after the symbolic link " + current + " would climb from where the "
                            + "link points; name the file below the link instead");
                }
                current = current.getParent() == null ? current : current.getParent();
            } else {
                current = current.resolve(part);
            }
        }
        for (Path root : roots) {
            if (current.startsWith(root)) {
                return new Allowed(current);
            }
        }
        return new Refused(current + " is outside the study's project (" + roots.get(0) + ")"
                + (roots.size() > 1 ? " and the data roots " + roots.subList(1, roots.size()) : "")
                + "; a study reads files only inside its project (the folder holding studies/ and external/)"
                + " or a folder named with --data-root");
    }
}
