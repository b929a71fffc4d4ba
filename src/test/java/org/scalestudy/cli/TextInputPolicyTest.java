package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * One policy for every text input (a byte-order mark is dropped; CR, LF and CRLF end lines alike), every value a
 * reader leaves out is counted aloud, long lines are cut in diagnostics, and an unclosed parenthesis is named.
 * Each of these was a finding: a BOM was refused in studies and JSON files, CR-only line ends put everything on
 * line 1, lm_eval dropped "0x10", " 3 " and true without a word, a diagnostic printed a whole 1 MB line, and an
 * unclosed '(' in a let read "unexpected 'let'; expected one of 'let', 'where'".
 */
class TextInputPolicyTest {
    static final String BOM = "\uFEFF";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static String study(String dataLine) {
        return "study \"t\" {\n" + dataLine + "\n  law l = direct_power(x: C, y: acc)\n  fit l to d\n}\n";
    }

    @Test
    void aByteOrderMarkIsDroppedFromStudiesAndJsonFiles() throws IOException {
        write("d.jsonl", BOM + "{\"C\": 1e18, \"acc\": 0.4}\n{\"C\": 1e19, \"acc\": 0.45}\n{\"C\": 1e20, \"acc\": 0.5}\n");
        Path study = write("b.study", BOM + study("  data d = jsonl(\"d.jsonl\")"));
        CliRun run = CliRun.of("check", study.toString());
        assertEquals(0, run.code(), run.err());
        write("lm/a.json", BOM + "{\"results\": {\"t\": {\"acc,none\": 0.4}}}");
        write("lm/b.json", BOM + "{\"results\": {\"t\": {\"acc,none\": 0.45}}}");
        write("runs.csv", BOM + "file,params,tokens\na.json,1e8,2e9\nb.json,2e8,4e9\n");
        Path lm = write("lm.study", BOM + "study \"t\" {\n  data d = lm_eval(\"lm\", manifest: \"runs.csv\") "
                + "{ let C = 6 * params * tokens }\n  law l = direct_power(x: C, y: score)\n  fit l to d\n}\n");
        run = CliRun.of("check", lm.toString());
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void crLineEndsCountLinesAsLfDoes() throws IOException {
        write("d.csv", "run,C,acc\rr1,1e18,0.4\rr2,1e19,0.45\rr3,1e20,0.5\r");
        String text = study("  data d = csv(\"d.csv\")").replace("fit l to d", "fit l to nothing");
        Path study = write("cr.study", text.replace("\n", "\r"));
        CliRun run = CliRun.of("check", study.toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("cr.study:4:12: error: unknown data 'nothing'"), "line 4, as with LF:\n"
                + run.err());
        // The built fit names its line the same way: line 4 of the study.
        Files.writeString(study, study("  data d = csv(\"d.csv\")").replace("\n", "\r"));
        Path site = dir.resolve("site");
        run = CliRun.of("build", study.toString(), "--out", site.toString(), "--no-cache");
        assertEquals(0, run.code(), run.err());
        assertEquals(4, new ObjectMapper().readTree(site.resolve("cr/results.json").toFile()).path("fits").get(0)
                .path("line").asInt());
    }

    @Test
    void lmEvalCountsTheScoresItLeavesOutOnceAtTheFirst() throws IOException {
        write("lm/a.json", "{\"results\": {\"t\": {\n  \"acc,none\": 0.4,\n  \"f1,none\": \"0x10\",\n"
                + "  \"em,none\": \" 3 \",\n  \"mc1,none\": true\n}}}\n");
        write("lm/b.json", "{\"results\": {\"t\": {\"acc,none\": 0.45}}}\n");
        write("runs.csv", "file,params,tokens\na.json,1e8,2e9\nb.json,2e8,4e9\n");
        Path lm = write("lm.study", "study \"t\" {\n  data d = lm_eval(\"lm\", manifest: \"runs.csv\") "
                + "{ let C = 6 * params * tokens }\n  law l = direct_power(x: C, y: score)\n  fit l to d\n"
                + "    where metric == \"acc\"\n}\n");
        CliRun run = CliRun.of("check", lm.toString());
        assertEquals(0, run.code(), run.err());
        // "  \"f1,none\": \"0x10\"": the value starts on line 3, column 14
        assertTrue(run.err().contains("a.json:3:14: warning: left out 3 scores that are not numbers"), run.err());
        assertTrue(run.err().contains("the first is here: 'f1,none': \"0x10\""), run.err());
        assertEquals(1, run.err().split("left out", -1).length - 1, "said once: " + run.err());
    }

    @Test
    void aDiagnosticOnAVeryLongLineShowsAWindowAroundTheColumn() throws IOException {
        write("d.csv", "run,C,acc\nr1,1e18,0.4\nr2,1e19,0.45\n");
        String padding = "x".repeat(1_000_000);
        Path study = write("long.study", "study \"t\" {\n  description \"" + padding + "\" nonsense\n}\n");
        CliRun run = CliRun.of("check", study.toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().length() < 2_000, "a window, not the line: " + run.err().length() + " characters");
        assertTrue(run.err().contains("long.study:2:1000018: error: unexpected name 'nonsense'"), run.err());
        String[] lines = run.err().split("\n");
        assertTrue(lines[1].contains("...") && lines[1].contains("\" nonsense"), lines[1]);
        assertEquals(lines[1].indexOf("nonsense"), lines[2].indexOf('^'), "the caret stays under the column");
    }

    @Test
    void anUnclosedParenthesisIsNamed() throws IOException {
        write("d.csv", "run,C,acc\nr1,1e18,0.4\nr2,1e19,0.45\n");
        Path study = write("p.study", "study \"t\" {\n  data d = csv(\"d.csv\") {\n    let x = (C + 1\n    let y = C\n"
                + "  }\n  law l = direct_power(x: C, y: acc)\n  fit l to d\n}\n");
        CliRun run = CliRun.of("check", study.toString());
        assertEquals(Main.STUDY_ERRORS, run.code());
        assertTrue(run.err().contains("p.study:4:5: error: unexpected 'let'; the '(' at line 3, column 13 is never "
                + "closed"), run.err());
        assertFalse(run.err().contains("expected one of 'let', 'where'"), run.err());
    }
}
