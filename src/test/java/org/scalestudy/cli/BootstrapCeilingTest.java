package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * {@code bootstrap N} is bounded: above 10,000 resamples it is an error at the count that names the ceiling.
 * Before, {@code bootstrap 100000} was accepted and ran for minutes per fit.
 */
class BootstrapCeilingTest {
    @TempDir
    Path dir;

    private CliRun check(int resamples) throws IOException {
        Files.writeString(dir.resolve("d.csv"), "run,C,acc\nr1,1e18,0.4\nr2,1e19,0.45\nr3,1e20,0.5\n");
        Path study = dir.resolve("b.study");
        Files.writeString(study, "study \"b\" {\n  data d = csv(\"d.csv\")\n  law l = direct_power(x: C, y: acc)\n"
                + "  fit l to d bootstrap " + resamples + " seed 1\n}\n");
        return CliRun.of("check", study.toString());
    }

    @Test
    void aBootstrapAboveTheCeilingIsAnErrorNamingIt() throws IOException {
        CliRun run = check(100_000);
        assertEquals(Main.STUDY_ERRORS, run.code(), run.err());
        // "  fit l to d bootstrap 100000": the count starts at column 24
        assertTrue(run.err().contains("b.study:4:24: error: a bootstrap takes a whole number of resamples from 10 "
                + "to 10000"), run.err());
        assertEquals(Main.STUDY_ERRORS, check(10_001).code(), "one above the ceiling");
    }

    @Test
    void theCeilingItselfIsAllowed() throws IOException {
        CliRun run = check(10_000);
        assertEquals(0, run.code(), run.err());
    }
}
