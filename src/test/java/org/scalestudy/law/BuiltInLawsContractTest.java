package org.scalestudy.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.scalestudy.fit.OptimizeResult;
import org.junit.jupiter.api.Test;
import org.scalestudy.results.CurvePoint;

/** What every law added with bnsl ... loss_to_error promises, checked the same way for each. */
class BuiltInLawsContractTest {
    /** Each kind with a source of well-formed rows (its own noisy test ladder). */
    private record Case(LawKind kind, Supplier<double[][]> rows) {
    }

    private static final List<Case> CASES = List.of(
            new Case(new Bnsl(), () -> BnslTest.runs(0.002, 11)),
            new Case(new AcrossRatios(), () -> AcrossRatiosTest.ladder(0.002, 11)),
            new Case(new PassAtK(), () -> PassAtKTest.ladder(0.005, 11)),
            new Case(new Ceiling(), () -> CeilingTest.ladder(0.002, 11)),
            new Case(new TwoStageLinear(), () -> TwoStageLinearTest.ladder(0.005, 0.01, 11)),
            new Case(new TwoStageLogistic(), () -> TwoStageLogisticTest.ladder(0.005, 0.005, 11)),
            new Case(new TwoStageChinchilla(), () -> TwoStageChinchillaTest.ladder(0.001, 0.003, 11)),
            new Case(new LossToError(), () -> LossToErrorTest.runs(0.003, 11)));

    @Test
    void theLibraryListsThem() {
        for (Case c : CASES) {
            assertTrue(LawLibrary.find(c.kind().name()).isPresent(), c.kind().name());
        }
        List<String> names = LawLibrary.all().stream().map(LawKind::name).toList();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(null);
        assertEquals(sorted, names, "sorted by name");
    }

    @Test
    void everyKindDescribesItself() {
        for (Case c : CASES) {
            LawKind kind = c.kind();
            String name = kind.name();
            assertFalse(kind.summary().isBlank(), name);
            for (ArgSpec arg : kind.args()) {
                assertFalse(arg.description().isBlank(), name + "." + arg.name());
                if (arg.kind() == ArgSpec.Kind.OPTION) {
                    assertNotNull(arg.defaultValue(), "options have defaults: " + name + "." + arg.name());
                }
            }
            Law law = kind.bind(Map.of());
            assertEquals(name, law.kind());
            assertFalse(law.formula().isBlank());
            assertTrue(law.minimumRows() >= law.parameterNames().size(), name);
            long inputs = kind.args().stream().filter(a -> a.kind() == ArgSpec.Kind.INPUT).count();
            assertEquals(inputs, c.rows().get()[0].length, name + ": rows hold the INPUT arguments in order");
        }
    }

    @Test
    void fitsNeverThrowOnWellFormedInput() {
        // every subset size from nothing to a few past the minimum, taken from the start, the end and at
        // random: a report of the right shape with a message, never an exception
        Random random = new Random(5);
        for (Case c : CASES) {
            Law law = c.kind().bind(c.kind() instanceof Bnsl ? Map.of("starts", 20.0) : Map.of());
            double[][] all = c.rows().get();
            for (int size = 0; size <= law.minimumRows() + 2; size++) {
                List<double[][]> subsets = List.of(Arrays.copyOf(all, size),
                        Arrays.copyOfRange(all, all.length - size, all.length), sample(all, size, random));
                for (double[][] rows : subsets) {
                    OptimizeResult fit = assertDoesNotThrow(() -> law.fit(rows), c.kind().name() + " on " + rows.length);
                    assertEquals(law.parameterNames().size(), fit.x().length);
                    assertFalse(fit.message().isBlank());
                    if (size < law.minimumRows()) {
                        assertFalse(fit.converged(), c.kind().name() + " on " + size + " rows");
                    }
                }
            }
        }
    }

    @Test
    void bootstrapRefitsSearchAsTheFitDoes() {
        // a refit is the fit's whole procedure (issue 13): on the fit's own rows it gives the fit's answer
        // bit for bit whatever parameters it is handed (so it cannot be a warm start from them); on a
        // resample it gives finite parameters
        Random random = new Random(9);
        for (Case c : CASES) {
            Law law = c.kind().bind(Map.of());
            double[][] rows = c.rows().get();
            OptimizeResult fit = law.fit(rows);
            double[] nonsense = new double[fit.x().length];
            Arrays.fill(nonsense, Double.NaN);
            OptimizeResult again = law.refit(rows, nonsense);
            assertArrayEquals(fit.x(), again.x(), c.kind().name());
            OptimizeResult resample = law.refit(sample(rows, rows.length, random), fit.x());
            assertTrue(Arrays.stream(resample.x()).allMatch(Double::isFinite), c.kind().name());
            assertDoesNotThrow(() -> law.refit(Arrays.copyOf(rows, 1), fit.x()));
        }
    }

    @Test
    void predictionsAndCurvesToleratePoorParametersAndRows() {
        for (Case c : CASES) {
            Law law = c.kind().bind(Map.of());
            double[][] rows = c.rows().get();
            double[] nan = new double[law.parameterNames().size()];
            Arrays.fill(nan, Double.NaN);
            double[] zeros = new double[law.parameterNames().size()];
            double[] bad = new double[rows[0].length];
            Arrays.fill(bad, -1);
            for (double[] params : List.of(nan, zeros)) {
                assertDoesNotThrow(() -> law.predict(params, rows[0]));
                assertDoesNotThrow(() -> law.predict(params, bad));
                List<CurvePoint> curve = law.curve(params, rows, 1e18, 1e23);
                assertFalse(curve.isEmpty(), c.kind().name());
            }
            assertNotNull(law.unusable(bad), c.kind().name() + " rejects negative inputs");
            assertTrue(law.curve(zeros, new double[0][], 0, 1e23).isEmpty(), "no log grid through 0");
        }
    }

    @Test
    void fittedLawsPredictTheirOwnRows() {
        // the fit, predict, observed and axis agree: predictions on the fitted rows are close to the
        // observations (within 5x the noise of each test ladder) and the axis is compute or loss
        for (Case c : CASES) {
            Law law = c.kind().bind(Map.of());
            double[][] rows = c.rows().get();
            double[] params = law.fit(rows).x();
            for (double[] row : rows) {
                double noise = c.kind() instanceof PassAtK ? 0.005 : c.kind() instanceof TwoStageLinear ? 0.02 : 0.004;
                assertEquals(law.observed(row), law.predict(params, row), 5 * noise, c.kind().name());
                assertTrue(law.axis(row) > 0);
            }
        }
    }

    private static double[][] sample(double[][] rows, int size, Random random) {
        double[][] out = new double[size][];
        for (int i = 0; i < size; i++) {
            out[i] = rows[random.nextInt(rows.length)];
        }
        return out;
    }
}
