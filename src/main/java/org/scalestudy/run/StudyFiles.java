package org.scalestudy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds study files and gives each a slug (its folder name in the site). */
public final class StudyFiles {
    private StudyFiles() {
    }

    /** A study file and the slug derived from its path below the folder it was found in. */
    public record Entry(Path file, String slug) { }

    /**
     * Every {@code .study} file named or found (recursively, sorted) under the named folders.
     * A study found in {@code studies/published/x.study} below {@code studies/} gets the slug
     * {@code published-x}.
     */
    public static List<Entry> find(List<Path> inputs) throws IOException {
        List<Entry> out = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(input)) {
                    files = walk.filter(p -> p.toString().endsWith(".study") && Files.isRegularFile(p)).sorted()
                            .toList();
                }
                for (Path file : files) {
                    out.add(new Entry(file, slug(input.relativize(file))));
                }
            } else if (Files.isRegularFile(input)) {
                out.add(new Entry(input, slug(input.getFileName())));
            } else {
                throw new IOException("no such study file or folder: " + input);
            }
        }
        return out;
    }

    static String slug(Path relative) {
        String name = relative.toString().replace('\\', '/');
        name = name.substring(0, name.length() - ".study".length());
        String slug = name.toLowerCase(Locale.ROOT).replace('/', '-').replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[-.]+|-+$", "");
        return slug.isEmpty() ? "study" : slug;
    }

    /** How diagnostics and pages name a file: relative to the working folder when below it. */
    public static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = file.toAbsolutePath().normalize();
        return (abs.startsWith(cwd) ? cwd.relativize(abs) : abs).toString().replace('\\', '/');
    }
}
