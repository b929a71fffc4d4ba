package org.scalestudy.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalestudy.diff.ChangedStudies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code scalestudy changed}: which studies a change between two git revisions touches. */
@Command(name = "changed", mixinStandardHelpOptions = true,
        description = {"List the studies that changed between two git revisions of the repository, one path per "
                + "line (from the repository's top), for a pull request to rebuild and diff only those; why each "
                + "changed goes to stderr.",
                "A study changed when the tool changed (pom.xml, package.json, package-lock.json, grammar/, "
                        + "src/main/, templates/: then every study is listed), when it was added or removed, when "
                        + "its file changed, or when a data file or folder it reads changed."},
        footer = {"", "Examples:",
                "  scalestudy changed origin/main HEAD",
                "  scalestudy changed $BASE_SHA $HEAD_SHA studies/published",
                "",
                "Exit codes: 0 listed (perhaps nothing), 2 the command could not run (not a repository, not a "
                        + "revision)."})
public final class ChangedCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The revision before, e.g. the pull request's base.")
    String base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "The revision after.")
    String head;

    @Parameters(index = "2..*", paramLabel = "PATH",
            description = "Folders or study files (from the repository's top) to look in (default: studies).")
    List<String> roots;

    @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
            description = "A folder inside the repository (default: the current folder).")
    Path repo;

    @Override
    public Integer call() {
        try {
            for (ChangedStudies.Change change : ChangedStudies.between(repo, base, head,
                    roots == null || roots.isEmpty() ? List.of("studies") : roots)) {
                System.out.println(change.study());
                System.err.println(change.study() + ": " + change.reason());
            }
            return 0;
        } catch (IOException e) {
            System.err.println("scalestudy: " + e.getMessage());
            return Main.USAGE;
        }
    }
}
