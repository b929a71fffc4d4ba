package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.lang.NestingLimit;
import org.scalestudy.testsupport.CliRun;

/**
 * Expressions deeper than {@link NestingLimit#MAX_DEPTH} are one diagnostic at the place the limit is crossed,
 * in {@code check}, {@code check --format json} and {@code build}: before the limit, a sum of 1,500 terms,
 * 3,000 parentheses or 10,000 {@code not}s threw StackOverflowError out of every command with exit code 1.
 */
class DeepExpressionTest {
    @TempDir
    Path dir;

    /** A valid study whose data step is {@code let x = <expression>}, on line 3. */
    private Path study(String expression) throws IOException {
        Files.writeString(dir.resolve("d.csv"), "run,N,D,acc\nr1,1e7,2e8,0.4\nr2,2e7,4e8,0.45\nr3,4e7,8e8,0.5\n");
        Path file = dir.resolve("deep.study");
        Files.writeString(file, "study \"deep\" {\n  data d = csv(\"d.csv\") {\n    let x = " + expression
                + "\n    let C = 6 * N * D\n  }\n  law l = direct_power(x: C, y: acc, baseline: 0.25)\n  fit l to d\n}\n");
        return file;
    }

    private static String sum(int terms) {
        return "N" + " + N".repeat(terms - 1);
    }

    @Test
    void aLongSumIsOneErrorAtTheOperatorPastTheLimit() throws IOException {
        CliRun run = CliRun.of("check", study(sum(1500)).toString());
        assertEquals(Main.STUDY_ERRORS, run.code(), run.err());
        // "    let x = N + N + ...": the first '+' is at column 15, each next one 4 columns on; the tree of a
        // left-associative sum is as deep as its operators, so the 201st '+' is where 200 levels are exceeded.
        int column = 15 + 4 * NestingLimit.MAX_DEPTH;
        assertTrue(run.err().contains("deep.study:3:" + column + ": error: this expression nests more than 200 levels"),
                run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("Error:"), run.err());
    }

    @Test
    void deepParenthesesAndNotsAreOneErrorEachInTextAndJson() throws IOException {
        String parens = "(".repeat(3000) + "N" + ")".repeat(3000);
        CliRun text = CliRun.of("check", study(parens).toString());
        assertEquals(Main.STUDY_ERRORS, text.code(), text.err());
        // "    let x = (((...": the first '(' is at column 13, the 201st (one level too many) at 13 + 200
        assertTrue(text.err().contains("deep.study:3:" + (13 + NestingLimit.MAX_DEPTH) + ": error: this expression"),
                text.err());

        CliRun json = CliRun.of("check", "--format", "json", study("not ".repeat(10_000) + "N > 1").toString());
        assertEquals(Main.STUDY_ERRORS, json.code(), json.out() + json.err());
        JsonNode array = new ObjectMapper().readTree(json.out());
        assertTrue(array.isArray(), json.out());
        assertEquals(1, array.size(), "one diagnostic for the whole expression: " + json.out());
        assertEquals(3, array.get(0).path("line").asInt());
        assertEquals(13 + 4 * NestingLimit.MAX_DEPTH, array.get(0).path("column").asInt(), "the 201st 'not'");
    }

    @Test
    void buildRefusesItWithoutAStackTraceAndWritesNothing() throws IOException {
        Path site = dir.resolve("site");
        CliRun run = CliRun.of("build", study(sum(1500)).toString(), "--out", site.toString(), "--no-cache");
        assertEquals(Main.STUDY_ERRORS, run.code(), run.err());
        assertTrue(run.err().contains("nests more than 200 levels"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(site), "nothing was written");
    }

    @Test
    void anExpressionAtTheLimitBuilds() throws IOException {
        // 199 '+' inside one pair of parentheses, and 200 parentheses: exactly at the limit, so every walk
        // (typing, evaluation) must survive it; the column x is unused.
        CliRun run = CliRun.of("check", study("(" + sum(200) + ")").toString());
        assertEquals(0, run.code(), run.err());
        CliRun parens = CliRun.of("check", study("(".repeat(200) + "N" + ")".repeat(200)).toString());
        assertEquals(0, parens.code(), parens.err());
    }
}
