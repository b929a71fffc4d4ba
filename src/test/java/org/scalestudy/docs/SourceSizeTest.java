package org.scalestudy.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's size targets, kept: no file under src/main longer than 450 lines, and the checker's orchestration
 * ({@code check/Checker.java}) at most 250, so that a stage that grows is split rather than left to mix concerns
 * again. (Counted as {@code wc -l} counts: lines, blank and comment lines included.)
 */
class SourceSizeTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void noSourceFileIsLongerThan450LinesAndTheCheckerAtMost250() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.walk(MAIN)) {
            files = all.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertTrue(files.size() > 100, "the sources were not found under " + MAIN.toAbsolutePath());
        Path largest = files.stream().max(Comparator.comparingLong(SourceSizeTest::lines)).orElseThrow();
        assertTrue(lines(largest) <= 450, MAIN.relativize(largest) + " has " + lines(largest) + " lines (at most 450)");
        long checker = lines(MAIN.resolve("org/scalestudy/check/Checker.java"));
        assertTrue(checker <= 250, "check/Checker.java has " + checker + " lines (at most 250)");
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
