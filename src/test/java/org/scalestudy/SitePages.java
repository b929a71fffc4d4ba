package org.scalestudy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The pages of a built study: its page ({@code index.html}), then its fits' pages ({@code fits/*.html}) by name. */
public final class SitePages {

    private SitePages() {
    }

    public static List<Path> of(Path studyDir) throws IOException {
        List<Path> pages = new ArrayList<>(List.of(studyDir.resolve("index.html")));
        Path fits = studyDir.resolve("fits");
        if (Files.isDirectory(fits)) {
            try (Stream<Path> files = Files.list(fits)) {
                files.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** The text of every page of the study, in {@link #of} order. */
    public static List<String> texts(Path studyDir) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path p : of(studyDir)) {
            texts.add(Files.readString(p));
        }
        return texts;
    }
}
