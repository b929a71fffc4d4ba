package org.scalestudy.diff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.scalestudy.run.StudyInputs;

/**
 * Which studies changed between two git revisions, so that a pull request rebuilds and compares only those. A
 * study changed when
 *
 * <ol>
 *   <li>the tool changed: anything under {@link #TOOL} differs (the build, the grammar, the code under
 *       {@code src/main}, the templates), since any result may then differ — every study is listed;</li>
 *   <li>it exists at one revision only (added or removed);</li>
 *   <li>its file differs; or</li>
 *   <li>a data file or folder it reads (as its {@code data} declarations name them, at either revision)
 *       differs, appears or disappears.</li>
 * </ol>
 *
 * Tests, documentation and other studies' data do not change a study. Files are compared by their git object
 * ids (a folder's id changes when anything below it does), so no study is built to find out.
 */
public final class ChangedStudies {
    /** The paths whose change changes every result. */
    public static final List<String> TOOL = List.of("pom.xml", "package.json", "package-lock.json", "grammar",
            "src/main", "templates");

    /** A changed study: its path from the repository's top (as at whichever revision has it), and why. */
    public record Change(String study, String reason) { }

    private final Path top;
    private final String base;
    private final String head;

    private ChangedStudies(Path top, String base, String head) {
        this.top = top;
        this.base = base;
        this.head = head;
    }

    /**
     * The studies below {@code roots} (paths from the repository's top, e.g. {@code studies}) that changed from
     * {@code base} to {@code head}, in path order.
     *
     * @param dir any folder inside the repository
     */
    public static List<Change> between(Path dir, String base, String head, List<String> roots) throws IOException {
        for (String revision : List.of(base, head)) {
            if (revision.isEmpty() || revision.startsWith("-")) {
                throw new IOException("'" + revision + "' is not a git revision");
            }
        }
        Path top = Path.of(text(GitRevision.git(dir, "rev-parse", "--show-toplevel")).strip());
        for (String revision : List.of(base, head)) {
            try {
                GitRevision.git(top, "rev-parse", "--verify", "-q", revision + "^{commit}");
            } catch (IOException e) {
                throw new IOException("'" + revision + "' is not a commit of the repository " + top, e);
            }
        }
        return new ChangedStudies(top, base, head).changes(roots);
    }

    private List<Change> changes(List<String> roots) throws IOException {
        TreeSet<String> atBase = studies(base, roots);
        TreeSet<String> atHead = studies(head, roots);
        TreeSet<String> all = new TreeSet<>(atBase);
        all.addAll(atHead);
        List<String> tool = new ArrayList<>();
        List<String> diffArgs = new ArrayList<>(List.of("diff", "--name-only", "-z", base, head, "--"));
        diffArgs.addAll(TOOL);
        for (String name : text(GitRevision.git(top, diffArgs.toArray(String[]::new))).split("\0")) {
            if (!name.isEmpty()) {
                tool.add(name);
            }
        }
        List<Change> out = new ArrayList<>();
        for (String study : all) {
            String reason;
            if (!tool.isEmpty()) {
                reason = "the tool changed (" + String.join(", ", tool.subList(0, Math.min(3, tool.size())))
                        + (tool.size() > 3 ? " and " + (tool.size() - 3) + " more" : "") + ")";
            } else if (!atBase.contains(study)) {
                reason = "the study is new";
            } else if (!atHead.contains(study)) {
                reason = "the study was removed";
            } else if (!id(base, study).equals(id(head, study))) {
                reason = "the study file changed";
            } else {
                reason = data(study);
            }
            if (reason != null) {
                out.add(new Change(study, reason));
            }
        }
        return out;
    }

    /** Why the study's data changed, or null when it did not. */
    private String data(String study) throws IOException {
        String text = text(GitRevision.git(top, "show", head + ":" + study));
        Path folder = Path.of(study).getParent();
        for (String declared : StudyInputs.dataPaths(text, study)) {
            Path path = (folder == null ? Path.of(declared) : folder.resolve(declared)).normalize();
            if (path.isAbsolute() || path.startsWith("..")) {
                return "it reads " + declared + ", outside the repository, which git cannot compare";
            }
            String name = path.toString().replace('\\', '/');
            String before = id(base, name);
            String after = id(head, name);
            if (!before.equals(after)) {
                return "its data " + name + (before.isEmpty() ? " is new" : after.isEmpty() ? " was removed"
                        : " changed");
            }
        }
        return null;
    }

    /** The {@code .study} files below {@code roots} at {@code revision}. */
    private TreeSet<String> studies(String revision, List<String> roots) throws IOException {
        List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", "--name-only", "--full-tree", revision,
                "--"));
        args.addAll(roots);
        TreeSet<String> out = new TreeSet<>();
        for (String name : text(GitRevision.git(top, args.toArray(String[]::new))).split("\0")) {
            if (name.endsWith(".study")) {
                out.add(name);
            }
        }
        return out;
    }

    /** The git object id of {@code path} (a file or a folder) at {@code revision}; "" when it does not exist. */
    private String id(String revision, String path) throws IOException {
        String line = text(GitRevision.git(top, "ls-tree", "--full-tree", revision, "--", path)).strip();
        // "<mode> <type> <id>\t<path>"; several lines when path names a folder's content, one for the folder
        if (line.isEmpty()) {
            return "";
        }
        String first = line.lines().filter(l -> l.endsWith("\t" + path)).findFirst().orElse("");
        String[] fields = first.split("[ \t]");
        return fields.length >= 3 ? fields[2] : "";
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
