package org.scalestudy.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiStartTest {
    /** A tilted double well, (x^2 - 1)^2 + tilt x, plus a bowl in y: two minima near x = -1 and x = +1. */
    static Objective wells(double tilt) {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                double x = p[0];
                double y = p[1];
                g[0] = 4 * x * (x * x - 1) + tilt;
                g[1] = 2 * (y - 0.3);
                return (x * x - 1) * (x * x - 1) + tilt * x + (y - 0.3) * (y - 0.3);
            }
        };
    }

    static List<double[]> line(int count) {
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            starts.add(new double[] {-2 + 4.0 * i / (count - 1), 1.7 - 0.01 * i});
        }
        return starts;
    }

    @Test
    void findsTheDeeperWellAndCountsWhoGotThere() {
        // with tilt 0.5 the well near x = -1 is deeper (value about -0.52 against +0.48);
        // starts left of the hump at x ~ +0.13 fall into it
        List<double[]> starts = line(41);
        OptimizeResult r = new MultiStart<>(Lbfgsb.defaults()).run(wells(0.5), starts, Bounds.unbounded(2));
        assertTrue(r.x()[0] < -1, "deeper well: x < -1, got " + r.x()[0]);
        assertEquals(0.3, r.x()[1], 1e-8);
        assertEquals(41, r.starts());
        // recount independently: every start run alone, counted when within relative 1e-6 of the best
        long sum = 0;
        int atBest = 0;
        for (double[] s : starts) {
            OptimizeResult m = Lbfgsb.defaults().minimize(wells(0.5), s, Bounds.unbounded(2));
            sum += m.evaluations();
            atBest += Math.abs(m.objective() - r.objective()) <= 1e-6 * Math.abs(r.objective()) ? 1 : 0;
        }
        assertEquals(atBest, r.startsAtBest());
        // all starts left of the hump (x = -2 ... -0.1, 20 of them) at least end in the deep well
        assertTrue(r.startsAtBest() >= 20, "starts at best " + r.startsAtBest());
        assertEquals(sum, r.evaluations(), "evaluations summed over every start");
    }

    @Test
    void tiesGoToTheLowestStartIndex() {
        // untilted: two global minima of value 0 at x = -1 and x = +1, y = 0.3. Starts at +2 and -2
        // follow exactly mirrored paths (IEEE arithmetic is symmetric in sign), so they end with
        // bit-identical values: a true tie, won by the first start in the list (x = +1)
        List<double[]> starts = List.of(new double[] {2, 0}, new double[] {-2, 0});
        OptimizeResult r = new MultiStart<>(Lbfgsb.defaults()).run(wells(0), starts, Bounds.unbounded(2));
        assertEquals(1, r.x()[0], 1e-6);
        assertEquals(0, bestStart(r));
        assertEquals(2, r.startsAtBest(), "equal values agree");
    }

    @Test
    void theResultDoesNotDependOnThreadTiming() {
        // many starts in parallel, run repeatedly, and sequentially: bit-identical outcomes
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            starts.add(new double[] {-2.5 + 5.0 * ((i * 37) % 400) / 400, -1 + 0.005 * i});
        }
        Objective f = wells(0.2);
        MultiStart<Objective> parallel = new MultiStart<>(Lbfgsb.defaults()).polishing(Lbfgsb.defaults().withFtol(0), 3);
        OptimizeResult reference = parallel.sequential().run(f, starts, Bounds.unbounded(2));
        for (int repeat = 0; repeat < 5; repeat++) {
            OptimizeResult r = parallel.run(f, starts, Bounds.unbounded(2));
            assertArrayEquals(reference.x(), r.x());
            assertEquals(reference.objective(), r.objective(), 0);
            assertEquals(bestStart(reference), bestStart(r));
            assertEquals(reference.startsAtBest(), r.startsAtBest());
            assertEquals(reference.evaluations(), r.evaluations());
            assertEquals(reference, r);
        }
    }

    @Test
    void polishingRefinesTheBestAndAddsItsWork() {
        // a loose screen stops early; polishing the best 2 with tight tolerances finishes the job
        Minimizer<Objective> loose = Lbfgsb.defaults().withFtol(1e-3).withPgtol(1e-1);
        List<double[]> starts = line(9);
        OptimizeResult screened = new MultiStart<>(loose).run(wells(0.5), starts, Bounds.unbounded(2));
        OptimizeResult polished = new MultiStart<>(loose).polishing(Lbfgsb.defaults(), 2)
                .run(wells(0.5), starts, Bounds.unbounded(2));
        assertTrue(polished.message().contains("(2 polished)"), polished.message());
        assertTrue(polished.objective() <= screened.objective());
        assertTrue(polished.gradientNorm() < 1e-6, "polished gradient " + polished.gradientNorm());
        assertTrue(polished.evaluations() > screened.evaluations());
        assertTrue(polished.message().contains("polished after"), polished.message());
    }

    @Test
    void theResultCarriesTheBestStartsStory() {
        OptimizeResult r = new MultiStart<>(Lbfgsb.defaults()).run(wells(0.5), line(5), Bounds.unbounded(2));
        // the best start's own minimisation, run alone from the start the message names
        OptimizeResult alone = Lbfgsb.defaults().minimize(wells(0.5), line(5).get(bestStart(r)), Bounds.unbounded(2));
        assertEquals("L-BFGS-B", r.method());
        assertArrayEquals(alone.x(), r.x());
        assertEquals(alone.objective(), r.objective(), 0);
        assertEquals(alone.iterations(), r.iterations());
        assertEquals(alone.converged(), r.converged());
        assertEquals(5, r.starts());
        assertTrue(r.message().startsWith(alone.message() + "; best of 5 starts is #" + bestStart(r) + "; "),
                r.message());
        // no bounds: no side is active; a search gives no standard errors
        assertArrayEquals(new String[] {"", ""}, r.onBound());
        assertTrue(Double.isNaN(r.standardErrors()[0]) && Double.isNaN(r.standardErrors()[1]));
    }

    @Test
    void theMethodLineIsWordedByTheSearch() {
        MultiStart<Objective> plain = new MultiStart<>(Lbfgsb.defaults());
        assertEquals("L-BFGS-B, Huber(0.001) summed on log L, 81 starts",
                plain.method("Huber(0.001) summed on log L", "81 starts"));
        // every stage the search has appears, in the order it runs, and nothing it does not have
        MultiStart<Objective> staged = new MultiStart<Objective>(Lbfgsb.scipyDefaults())
                .polishing(Lbfgsb.defaults(), 10).finishing(Newton.defaults()).screening(200, 3);
        assertEquals("L-BFGS-B, f, from the lowest 200 of the 4,500-start grid at a time until 3 agree, best 10"
                + " polished, the best finished by Newton", staged.method("f", "4,500-start grid"));
        assertEquals("L-BFGS-B, f, 81 starts, best 10 polished, the best finished by Newton",
                staged.exhaustive().method("f", "81 starts"));
        assertEquals("Levenberg-Marquardt, g, 3 starts",
                new MultiStart<>(LevenbergMarquardt.defaults()).method("g", "3 starts"));
    }

    /** The index of the best start, which the search's message names ("... is #7; ..."). */
    static int bestStart(OptimizeResult r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" is #(\\d+); ").matcher(r.message());
        assertTrue(m.find(), r.message());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aFailingObjectiveIsReportedNotThrown() {
        Objective broken = new Objective() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public double valueAndGradient(double[] x, double[] g) {
                if (x[0] > 0) {
                    throw new IllegalStateException("boom");
                }
                g[0] = 2 * x[0] + 2;
                return x[0] * x[0] + 2 * x[0];
            }
        };
        // the start at +1 throws; the start at -3 finds x = -1
        OptimizeResult r = new MultiStart<>(Lbfgsb.defaults()).run(broken,
                List.of(new double[] {1}, new double[] {-3}), Bounds.unbounded(1));
        assertEquals(1, bestStart(r));
        assertEquals(-1, r.x()[0], 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> new MultiStart<>(Lbfgsb.defaults()).run(broken, List.of(), Bounds.unbounded(1)));
    }

    @Test
    void screeningSearchesTheLowestStartsFirstAndStopsWhenEnoughAgree() {
        // wells(0.5) on 41 starts along x in [-2, 2]: the lowest starting values lie near x = -1, in the
        // deep well, so the first batch of 5 finds it and agrees on it at once
        List<double[]> starts = line(41);
        Objective f = wells(0.5);
        MultiStart<Objective> exhaustive = new MultiStart<>(Lbfgsb.defaults());
        OptimizeResult all = exhaustive.run(f, starts, Bounds.unbounded(2));
        OptimizeResult screened = exhaustive.screening(5, 2).run(f, starts, Bounds.unbounded(2));
        assertEquals(5, screened.starts(), "one batch");
        assertEquals(all.objective(), screened.objective(), 1e-12);
        // which 5: recompute the starting values and run each of the 5 lowest alone
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(f.value(starts.get(a)), f.value(starts.get(b))));
        long evaluations = starts.size(); // each start's value, once
        int bestIndex = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i : order.subList(0, 5)) {
            OptimizeResult m = Lbfgsb.defaults().minimize(f, starts.get(i), Bounds.unbounded(2));
            evaluations += m.evaluations();
            if (m.objective() < bestValue || (m.objective() == bestValue && i < bestIndex)) {
                bestValue = m.objective();
                bestIndex = i;
            }
        }
        assertEquals(evaluations, screened.evaluations(), "41 starting values + the 5 searches");
        assertEquals(bestIndex, bestStart(screened));
        assertTrue(screened.message().contains("5 starts (the lowest of 41 by objective)"), screened.message());
    }

    @Test
    void screeningSearchesOnUntilEnoughStartsAgree() {
        // one start per batch and 3 must agree: at least 3 batches; asking for more agreement than the
        // grid can give searches every start, and then the result is the exhaustive one bit for bit
        List<double[]> starts = line(41);
        MultiStart<Objective> base = new MultiStart<>(Lbfgsb.defaults()).polishing(Lbfgsb.defaults().withFtol(0), 2);
        OptimizeResult three = base.screening(1, 3).run(wells(0.5), starts, Bounds.unbounded(2));
        assertTrue(three.starts() >= 3 && three.startsAtBest() >= 3, three.starts() + " searched, "
                + three.startsAtBest() + " at best");
        OptimizeResult all = base.run(wells(0.5), starts, Bounds.unbounded(2));
        OptimizeResult everything = base.screening(7, 1000).run(wells(0.5), starts, Bounds.unbounded(2));
        assertEquals(41, everything.starts());
        assertArrayEquals(all.x(), everything.x());
        assertEquals(bestStart(all), bestStart(everything));
        assertEquals(all.startsAtBest(), everything.startsAtBest());
        assertEquals(all.evaluations() + 41, everything.evaluations(), "plus the 41 starting values");
    }

    @Test
    void screeningDoesNotDependOnThreadTiming() {
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            starts.add(new double[] {-2.5 + 5.0 * ((i * 37) % 400) / 400, -1 + 0.005 * i});
        }
        MultiStart<Objective> search = new MultiStart<>(Lbfgsb.defaults()).screening(30, 5).polishing(Lbfgsb.defaults(), 3)
                .finishing(Newton.defaults());
        OptimizeResult reference = search.sequential().run(wells(0.2), starts, Bounds.unbounded(2));
        for (int repeat = 0; repeat < 3; repeat++) {
            OptimizeResult r = search.run(wells(0.2), starts, Bounds.unbounded(2));
            assertArrayEquals(reference.x(), r.x());
            assertEquals(reference, r);
        }
    }

    @Test
    void finishingRunsFromTheBestAndKeepsItWhenNotWorse() {
        // a loose screen, then Newton from its best: the minimum of wells(0.5) near x = -1.06 to rounding
        Minimizer<Objective> loose = Lbfgsb.defaults().withFtol(1e-3).withPgtol(1e-1);
        OptimizeResult r = new MultiStart<>(loose).finishing(Newton.defaults())
                .run(wells(0.5), line(9), Bounds.unbounded(2));
        OptimizeResult screened = new MultiStart<>(loose).run(wells(0.5), line(9), Bounds.unbounded(2));
        assertTrue(r.objective() <= screened.objective());
        // 4 x^3 - 4 x + 0.5 = 0 at the deep well's bottom
        double x = r.x()[0];
        assertEquals(0, 4 * x * x * x - 4 * x + 0.5, 1e-12);
        assertTrue(r.message().contains("finished after"), r.message());
        assertThrows(IllegalArgumentException.class, () -> new MultiStart<>(loose).screening(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new MultiStart<>(loose).finishing(null));
    }
}
