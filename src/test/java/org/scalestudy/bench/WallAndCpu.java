package org.scalestudy.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** Times repetitions of a piece of work by the wall clock and by the process's CPU time, for the benchmarks. */
public final class WallAndCpu {
    private WallAndCpu() {
    }

    /** Wall-clock seconds of each repetition, then the process's CPU seconds of each. */
    public static double[][] time(int repeats, Supplier<?> work) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[][] seconds = new double[2][repeats];
        for (int i = 0; i < repeats; i++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            work.get();
            seconds[0][i] = (System.nanoTime() - start) / 1e9;
            seconds[1][i] = (os.getProcessCpuTime() - cpu) / 1e9;
        }
        return seconds;
    }

    /** Prints one line: the median wall seconds, every repetition's, and the median CPU seconds. */
    public static void report(String what, double[][] seconds, int width) {
        StringBuilder all = new StringBuilder();
        for (double s : seconds[0]) {
            all.append(String.format(Locale.ROOT, " %.3f", s));
        }
        System.out.printf(Locale.ROOT, "  %-" + width + "s median %.3f s wall [%s ], %.3f CPU s%n", what,
                median(seconds[0]), all, median(seconds[1]));
    }

    /** The median (the mean of the middle two of an even count). */
    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }
}
