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
 * {@code diff} checks each results.json it reads and refuses a malformed one with exit code 2, naming the
 * file and the field; before, {@code "fits": "oops"}, a string parameter value and {@code formatVersion} 999
 * were compared as if valid (exit 0, the values shown as null or "fits removed").
 */
class MalformedResultsTest {
    @TempDir
    Path dir;

    static final String GOOD_FIT = "{\"law\": \"l\", \"dataset\": \"d\", \"group\": \"\", \"parameters\": [{\"name\": "
            + "\"alpha\", \"value\": 0.1}], \"optimization\": {\"converged\": true, \"message\": \"m\"}, "
            + "\"holdoutMetrics\": {\"n\": 0, \"mae\": null, \"mre\": null, \"rmse\": null, \"r2\": null}}";

    private Path file(String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json);
        return f;
    }

    private CliRun diff(String malformed) throws IOException {
        Path good = file("good.json", "{\"formatVersion\": 1, \"slug\": \"s\", \"fits\": [" + GOOD_FIT + "]}");
        Path bad = file("bad.json", malformed);
        return CliRun.of("diff", good.toString(), bad.toString());
    }

    @Test
    void aWellFormedPairCompares() throws IOException {
        CliRun run = diff("{\"formatVersion\": 1, \"slug\": \"s\", \"fits\": [" + GOOD_FIT.replace("0.1", "0.2") + "]}");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("| alpha | 0.1 | 0.2 |"), run.out());
    }

    @Test
    void eachMalformedFieldIsRefusedByPathAndField() throws IOException {
        String[][] cases = {
            {"{\"formatVersion\": 1, \"slug\": \"s\", \"fits\": \"oops\"}", "fits: expected an array, found the string \"oops\""},
            {"{\"formatVersion\": 1, \"slug\": \"s\", \"fits\": [" + GOOD_FIT.replace("0.1", "\"0.1\"") + "]}",
                "fits[0].parameters[0].value: expected a number or null, found the string \"0.1\""},
            {"{\"formatVersion\": 999, \"slug\": \"s\", \"fits\": []}", "formatVersion: expected a whole number from 1 to"},
            {"{\"formatVersion\": 1, \"slug\": \"s\", \"fits\": [" + GOOD_FIT.replace("true", "\"yes\"") + "]}",
                "fits[0].optimization.converged: expected true or false"},
            {"{\"formatVersion\": 1, \"slug\": \"s\", \"fits\": [" + GOOD_FIT.replace("\"n\": 0", "\"n\": -1") + "]}",
                "fits[0].holdoutMetrics.n: expected a whole number >= 0, found -1"},
        };
        for (String[] c : cases) {
            CliRun run = diff(c[0]);
            assertEquals(Main.USAGE, run.code(), c[0] + "\n" + run.out() + run.err());
            assertTrue(run.err().contains(dir.resolve("bad.json") + ": malformed results.json: " + c[1]), run.err());
        }
    }
}
