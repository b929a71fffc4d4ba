package org.scalestudy.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.scalestudy.lang.MutatedStudyPropertyTest.Mutation;
import org.scalestudy.testsupport.CliRun;

/**
 * The whole command line against hostile studies, seeded so that every run tries the same ones: 500 mutated
 * studies (as {@link MutatedStudyPropertyTest} mutates them, plus deep and long expressions spliced in) and 300
 * expressions of random shape up to 600 levels deep and thousands of terms long. {@code check --format json}
 * must exit 0 or 1 with a well-formed array on stdout and nothing like a stack trace anywhere: before the
 * nesting limit, 36 of 680 such mutants crashed every command with StackOverflowError.
 */
@Tag("full")   // jqwik's tag: 800 runs of the command line
class HostileStudyFuzzTest {
    static final Path DIR = Path.of("target", "hostile-studies");
    static final ObjectMapper JSON = new ObjectMapper();

    /** One way to wrap an expression in one more level. */
    enum Layer {
        PAREN, NOT, MINUS, SUM_LEFT, SUM_RIGHT, POWER, CALL, LOOKUP, PRODUCT;

        String wrap(String e) {
            return switch (this) {
                case PAREN -> "(" + e + ")";
                case NOT -> "not " + e;
                case MINUS -> "-" + e;
                case SUM_LEFT -> e + " + N";
                case SUM_RIGHT -> "N + (" + e + ")";
                case POWER -> "N ^ " + e;
                case CALL -> "log(" + e + ")";
                case LOOKUP -> "chance[" + e + "]";
                case PRODUCT -> e + " * 2 / D";
            };
        }
    }

    /** An expression: a name wrapped in the layers, innermost first (built without recursion). */
    static String expression(List<Layer> layers) {
        String e = "N";
        for (Layer layer : layers) {
            e = layer.wrap(e);
        }
        return e;
    }

    @Provide
    Arbitrary<List<Layer>> layers() {
        Arbitrary<List<Layer>> mixed = Arbitraries.of(Layer.class).list().ofMaxSize(600);
        Arbitrary<List<Layer>> runs = Arbitraries.of(Layer.class).flatMap(l -> Arbitraries.integers()
                .between(0, 3000).map(n -> java.util.Collections.nCopies(n, l)));
        return Arbitraries.oneOf(mixed, runs);
    }

    @Property(tries = 300, seed = "20")
    void deepAndLongExpressionsAreDiagnosticsNeverCrashes(@ForAll("layers") List<Layer> layers,
                                                          @ForAll("place") int place) {
        String e = expression(layers);
        String study = switch (place) {
            case 0 -> "study \"e\" {\n  data d = csv(\"ladder.csv\") { let x = " + e + " }\n"
                    + "  table chance = { easy: 0.25 }\n  law l = direct_power(x: 6 * N * D, y: acc)\n  fit l to d\n}\n";
            case 1 -> "study \"e\" {\n  data d = csv(\"ladder.csv\") { where " + e + " > 0 }\n"
                    + "  law l = direct_power(x: 6 * N * D, y: acc)\n  fit l to d\n}\n";
            default -> "study \"e\" {\n  data d = csv(\"ladder.csv\")\n  law l = direct_power(x: 6 * N * D, y: acc)\n"
                    + "  fit l to d window " + e + " > 0\n}\n";
        };
        checkNeverCrashes(study);
    }

    @Provide
    Arbitrary<Integer> place() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        return new MutatedStudyPropertyTest().mutation();
    }

    @Provide
    Arbitrary<String> deep() {
        return layers().map(HostileStudyFuzzTest::expression);
    }

    @Property(tries = 500, seed = "20")
    void mutatedStudiesThroughTheCommandLineNeverCrash(@ForAll("mutation") Mutation first,
                                                       @ForAll("mutation") Mutation second,
                                                       @ForAll("deep") String spliced,
                                                       @ForAll boolean splice,
                                                       @ForAll boolean small) {
        String text = MutatedStudyPropertyTest.STUDIES.get(small ? 1 : 0);
        text = first.apply(text);
        if (splice) {
            text = new Mutation(3, first.at(), 0, " " + spliced + " ").apply(text);
        }
        checkNeverCrashes(second.apply(text));
    }

    /** Runs {@code check --format json} on the study; fails on anything but 0 or 1 with a JSON array. */
    static void checkNeverCrashes(String study) {
        Path file = write(study);
        CliRun run = CliRun.of("check", "--format", "json", file.toString());
        String context = "\n--- exit " + run.code() + ", stderr:\n" + run.err() + "\n--- study (first 2,000 chars):\n"
                + study.substring(0, Math.min(2_000, study.length()));
        assertTrue(run.code() == 0 || run.code() == 1, "check exits 0 or 1" + context);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception") || run.err().contains("Error:")
                || run.err().contains("internal error") || run.out().contains("internal error"),
                "no stack trace, no internal error" + context);
        JsonNode array;
        try {
            array = JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("stdout is JSON: " + e.getMessage() + context);
        }
        assertTrue(array != null && array.isArray(), "an array" + context);
        assertTrue(run.code() == 0 || array.size() > 0, "exit 1 comes with a diagnostic" + context);
    }

    static synchronized Path write(String study) {
        try {
            Files.createDirectories(DIR);
            Files.write(DIR.resolve("ladder.csv"), MutatedStudyPropertyTest.CSV.getBytes(StandardCharsets.UTF_8));
            Path file = DIR.resolve("m.study");
            Files.write(file, study.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
