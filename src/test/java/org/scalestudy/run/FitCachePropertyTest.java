package org.scalestudy.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.scalestudy.results.CurvePoint;
import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.Metrics;
import org.scalestudy.fit.OptimizeResult;
import org.scalestudy.results.ParameterValue;
import org.scalestudy.results.Role;
import org.scalestudy.results.RunRow;
import org.scalestudy.results.TargetPrediction;
import org.scalestudy.results.Uncertainty;
import org.scalestudy.testsupport.FlatFits;

/**
 * A cache entry read back is the outcome stored, exactly (NaN, infinities, -0.0, nulls, unpaired surrogates
 * included); an entry damaged anywhere — a byte changed, the file cut short or grown — reads as missing,
 * never as another outcome and never as an exception.
 */
class FitCachePropertyTest {
    static final String KEY = "ab" + "0".repeat(62);

    static FitOutcome outcome() {
        return FlatFits.fit("l", "custom", "y ~ a", "d", "g=\uD800x", 3, "C", "acc",
                List.of(new ParameterValue("a", -0.0, Double.NaN, Double.POSITIVE_INFINITY, "lower")),
                // the solution is the parameters' values, bounds and standard errors, as in every fit
                new OptimizeResult("m", new double[] {-0.0}, 1e-300, true, null, 2, 3L, 4, 5, Double.MIN_VALUE,
                        new String[] {"lower"}, new double[] {Double.NaN}),
                new Metrics(2, 0.1, 0.2, 0.3, Double.NaN), null,
                List.of(new RunRow("r1", Role.FIT, 1e20, 0.5, 0.49, ""), new RunRow("r2", Role.EXCLUDED, 2e20, 0.6,
                        Double.NaN, "outside the fit window")),
                List.of(new CurvePoint("", 1e19, 0.4)), List.of(new TargetPrediction("", 1e22, 0.7, 0.6, 0.8)),
                new Uncertainty(10, -7L, 0.95, 1, List.of(new Uncertainty.BandPoint("", 1e19, 0.3, 0.5)),
                        // the bootstrap's draws travel with the outcome, a failed refit's NaN included
                        org.scalestudy.results.Draws.of(new double[][] {{-0.0}, {Double.NaN}, {1e-300}})),
                List.of(new org.scalestudy.results.ComputeOptimal(1e21, 1e9, 9e8, Double.NaN, 1.7e11, 1.6e11,
                        1.8e11, 2.1, -0.0, 2.2, true)),
                List.of(new org.scalestudy.results.WindowPoint(4e8, 12, 0.031, true),
                        new org.scalestudy.results.WindowPoint(2e8, 9, Double.NaN, false)));
    }

    static FitCache cacheWithEntry(Path dir) {
        FitCache cache = new FitCache(dir, "test");
        cache.store(KEY, outcome());
        return cache;
    }

    @Property(tries = 300)
    void aDamagedEntryReadsAsMissingOrAsItself(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                                @ForAll byte value, @ForAll @IntRange(min = 0, max = 2) int how)
            throws IOException {
        Path dir = Files.createTempDirectory("fitcache");
        FitCache cache = cacheWithEntry(dir);
        Path file = cache.file(KEY);
        byte[] bytes = Files.readAllBytes(file);
        int i = at % bytes.length;
        byte[] damaged = switch (how) {
            case 0 -> {
                byte[] b = bytes.clone();
                b[i] = value;
                yield b;
            }
            case 1 -> java.util.Arrays.copyOf(bytes, i);
            default -> java.util.Arrays.copyOf(bytes, bytes.length + 1 + i % 7);
        };
        Files.write(file, damaged);
        Optional<FitOutcome> read = cache.load(KEY);
        if (java.util.Arrays.equals(damaged, bytes)) {
            assertEquals(Optional.of(outcome()).map(Object::toString), read.map(Object::toString));
        } else {
            assertTrue(read.isEmpty(), "a damaged entry is missing, not another outcome");
        }
    }

    @Property(tries = 20)
    void anIntactEntryReadsBackExactly(@ForAll @IntRange(min = 0, max = 3) int unused) throws IOException {
        FitCache cache = cacheWithEntry(Files.createTempDirectory("fitcache"));
        // Records compare doubles by their bits (Double.compare), so -0.0 and NaN must match exactly.
        assertEquals(outcome(), cache.load(KEY).orElseThrow());
        assertEquals("g=\uD800x", cache.load(KEY).orElseThrow().group(), "an unpaired surrogate survives");
    }
}
