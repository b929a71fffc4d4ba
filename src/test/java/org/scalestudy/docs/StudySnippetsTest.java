package org.scalestudy.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scalestudy.check.CheckedStudy;
import org.scalestudy.check.Checker;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.SourceFile;
import org.scalestudy.lang.StudyParsing;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.Pipeline;

/**
 * Every study snippet in {@code README.md} and {@code docs/*.md} is checked. A snippet is a fenced block whose info
 * string starts with {@code study}; words after it say how it is checked:
 *
 * <ul>
 *   <li>{@code study}: a whole study ({@code study "…" { … }}), parsed and checked (names, laws, its data files
 *       read, rows selected) as if it were a file in {@code studies/};</li>
 *   <li>{@code items}: study items (data, tables, laws, fits), checked inside {@code study "snippet" { … }};</li>
 *   <li>{@code in=DIR}: checked as a file in {@code DIR} (data paths are relative to it), e.g.
 *       {@code in=studies/published};</li>
 *   <li>{@code parse}: parsed only (its data files need not exist, e.g. an example of every reader);</li>
 *   <li>{@code build}: also fitted, in the full tier (it must build without an error).</li>
 * </ul>
 *
 * A block fenced without {@code study} is not a study snippet; one that looks like a study (begins with
 * {@code study "}, {@code data }, {@code law } or {@code fit }) must be fenced as one, so none is left unchecked.
 */
class StudySnippetsTest {

    /** One fenced study block: where it is, how it is checked, its text. */
    record Snippet(String file, int line, List<String> words, String text) {
        boolean has(String word) {
            return words.contains(word);
        }

        Path dir() {
            return Path.of(words.stream().filter(w -> w.startsWith("in=")).map(w -> w.substring(3)).findFirst()
                    .orElse("studies"));
        }

        /** The snippet as a study file's text. */
        String source() {
            return has("items") || (has("parse") && !text.startsWith("study ")) ? "study \"snippet\" {\n" + text + "}\n"
                    : text;
        }

        SourceFile sourceFile() {
            return new SourceFile(file + " (the snippet at line " + line + ")", dir().resolve("snippet.study").toAbsolutePath(), source());
        }

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(Path.of("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Every fenced block of the documents: its info string's words (empty for none) and text. */
    static List<Snippet> blocks() throws IOException {
        List<Snippet> out = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!line.startsWith("```")) {
                    continue;
                }
                int start = i;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                String info = line.substring(3).strip();
                out.add(new Snippet(doc.toString(), start + 1, info.isEmpty() ? List.of() : List.of(info.split("\\s+")),
                        text.toString()));
            }
        }
        return out;
    }

    static List<Snippet> snippets() throws IOException {
        return blocks().stream().filter(b -> !b.words().isEmpty() && b.words().get(0).equals("study")).toList();
    }

    @Test
    void theDocumentsHaveStudySnippetsAndNoneIsFencedOtherwise() throws IOException {
        // the README's guide and the language, laws and readers pages each hold some
        assertTrue(snippets().size() >= 8, "found only " + snippets());
        for (Snippet b : blocks()) {
            if (b.words().isEmpty() || !b.words().get(0).equals("study")) {
                String first = b.text().stripLeading();
                assertFalse(first.startsWith("study \"") || first.startsWith("data ") || first.startsWith("law ")
                        || first.startsWith("fit "), b + " looks like a study but is not fenced as ```study");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyStudySnippetParsesAndChecks() throws IOException {
        return snippets().stream().map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            try {
                var study = StudyParsing.parse(s.sourceFile());
                if (!s.has("parse")) {
                    Checker.check(s.sourceFile(), study, "snippet");
                }
            } catch (DiagnosticException e) {
                throw new AssertionError(s + ":\n" + s.source() + "\n" + e.getMessage(), e);
            }
        }));
    }

    @Tag("full")
    @TestFactory
    Stream<DynamicTest> snippetsMarkedBuildBuild() throws IOException {
        return snippets().stream().filter(s -> s.has("build")).map(s -> DynamicTest.dynamicTest(s.toString(), () -> {
            CheckedStudy checked = Checker.check(s.sourceFile(), StudyParsing.parse(s.sourceFile()), "snippet");
            StudyResult result = Pipeline.run(new Pipeline.Checked(List.of(checked), List.of(s.toString()),
                    List.of("0"), List.of())).get(0);
            assertFalse(result.fits().isEmpty(), s + " fitted nothing");
        }));
    }

    /** The README's quick start names the commands that build and test, as .ci/run and the pom define them. */
    @Test
    void theQuickStartCommandsAreTheOnesTheBuildDefines() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("mvn -q package -DskipTests && bin/scalestudy build studies/demo.study"), readme);
        assertTrue(readme.contains("mvn -B test -Pfull"), "the full tier's command");
        assertTrue(Files.readString(Path.of(".ci/run")).contains("mvn -B test -Pfull"));
        assertTrue(Files.isExecutable(Path.of("bin/scalestudy")));
        assertTrue(readme.lines().count() <= 400, "the README has " + readme.lines().count() + " lines; at most 400");
    }
}
