package org.scalestudy.bench;

import java.lang.management.ManagementFactory;
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
}
