package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/** {@code check}, human and JSON output, and its exit codes, run through the command line in-process. */
class CheckCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDemoChecksWithExitZeroAndAnEmptyJsonArray() {
        CliRun human = CliRun.of("check", "studies/demo.study");
        assertEquals(0, human.code(), human.err());
        assertEquals("checked 1 study: no errors\n", human.out());
        CliRun json = CliRun.of("check", "--format", "json", "studies/demo.study");
        assertEquals(0, json.code(), json.err());
        assertEquals("[]\n", json.out());
    }

    @Test
    void errorsComeAsSortedJsonWithFileLineColumnSeverityMessage(@TempDir Path dir) throws IOException {
        Path study = dir.resolve("bad.study");
        // Line 2: a data file that does not exist (column 16 is its string); line 3: a misspelt law kind
        // (column 11); both are reported, in file order.
        Files.writeString(study, "study \"b\" {\n  data d = csv(\"missing \\\"q\\\".csv\")\n"
                + "  law l = chinchila(N: a, D: b, y: c)\n  fit l to d\n}\n");
        CliRun run = CliRun.of("check", "--format", "json", study.toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertEquals("", run.err(), "JSON mode prints the diagnostics only on stdout");
        JsonNode array = JSON.readTree(run.out());
        assertTrue(array.isArray());
        List<String> lines = new ArrayList<>();
        for (JsonNode d : array) {
            List<String> keys = new ArrayList<>();
            d.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("column", "file", "line", "message", "severity"), keys, "sorted keys");
            assertTrue(d.get("file").asText().endsWith("bad.study"), d.toString());
            assertEquals("error", d.get("severity").asText());
            lines.add(d.get("line").asInt() + ":" + d.get("column").asInt());
        }
        assertEquals(List.of("2:16", "3:11"), lines);
        assertTrue(array.get(0).get("message").asText().startsWith("cannot read data file 'missing \"q\".csv'"),
                "quotes in the message survive JSON escaping: " + array.get(0));
        assertTrue(array.get(1).get("message").asText().contains("did you mean 'chinchilla'"), array.toString());
        // The same input gives the same bytes.
        assertEquals(run.out(), CliRun.of("check", "--format", "json", study.toString()).out());
    }

    @Test
    void warningsAloneExitZeroAndAreListed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("l.csv"), "run,C,acc\na,1e18,0.4\nb,1e19,0.5\nc,1e20,0.6\n");
        Path study = dir.resolve("w.study");
        Files.writeString(study, "study \"w\" {\n  data d = csv(\"l.csv\")\n  law l = direct_power(x: C, y: acc)\n"
                + "  law unused = direct_power(x: C, y: acc)\n  fit l to d\n}\n");
        CliRun run = CliRun.of("check", "--format", "json", study.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode array = JSON.readTree(run.out());
        assertEquals(1, array.size(), run.out());
        assertEquals("warning", array.get(0).get("severity").asText());
        assertEquals(4, array.get(0).get("line").asInt());
        assertEquals("law 'unused' is declared but never fitted", array.get(0).get("message").asText());
    }

    @Test
    void humanFormatPrintsWhereAndCountsErrors(@TempDir Path dir) throws IOException {
        Path study = dir.resolve("bad.study");
        Files.writeString(study, "study \"b\" {\n  law l = chinchila(N: a, D: b, y: c)\n}\n");
        CliRun run = CliRun.of("check", study.toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("bad.study:2:11: error: unknown law kind 'chinchila'; did you mean 'chinchilla'?\n"
                + "    law l = chinchila(N: a, D: b, y: c)\n            ^"), run.err());
        // The study also fits nothing (an error at 1:1) and never fits 'l' (a warning).
        assertTrue(run.err().contains("bad.study:1:1: error: this study fits nothing"), run.err());
        assertTrue(run.err().contains("bad.study:2:7: warning: law 'l' is declared but never fitted"), run.err());
        assertTrue(run.err().contains("2 errors; nothing was written"), run.err());
    }

    @Test
    void aMissingStudyOrABadFormatIsAUsageError(@TempDir Path dir) {
        CliRun missing = CliRun.of("check", "--format", "json", dir.resolve("nope.study").toString());
        assertEquals(Main.USAGE, missing.code());
        assertTrue(missing.err().contains("no such study file or folder"), missing.err());
        CliRun format = CliRun.of("check", "--format", "xml", "studies/demo.study");
        assertEquals(Main.USAGE, format.code());
        assertTrue(format.err().contains("xml"), format.err());
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : List.of("build", "check", "serve", "diff", "init")) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.code(), command);
            assertTrue(help.out().contains("Usage: scalestudy " + command), command + ": " + help.out());
            assertTrue(help.out().contains("Examples:\n  scalestudy " + command), command + ": " + help.out());
        }
    }
}
