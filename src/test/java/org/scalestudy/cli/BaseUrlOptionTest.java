package org.scalestudy.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseUrlOptionTest {

    @Test
    void aBadBaseUrlIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
        Path out = dir.resolve("site");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.execute("build", "studies/demo.study", "--out", out.toString(), "--base-url", "example.org/x");
        } finally {
            System.setErr(err);
        }
        // 2: the command could not run; the message names the option and shows what would be valid.
        assertEquals(Main.USAGE, code);
        String message = captured.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--base-url example.org/x is not an absolute http(s) URL"), message);
        assertTrue(message.contains("https://example.org/scaling/"), message);
        assertFalse(Files.exists(out));
    }

    @Test
    void theBaseUrlGoesIntoCanonicalLinksOnly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("site");
        assertEquals(0, Main.execute("build", "studies/demo.study", "--out", out.toString(),
                "--base-url", "https://user.github.io/repo"));
        String page = Files.readString(out.resolve("demo/index.html"));
        // The slash is added; the study page's canonical URL is its folder under the base.
        assertTrue(page.contains("<link rel=\"canonical\" href=\"https://user.github.io/repo/demo/\">"));
        // Links between pages stay relative: the base URL appears in the head's two tags and nowhere else.
        assertEquals(2, page.split("https://user.github.io", -1).length - 1);
        assertTrue(page.contains("href=\"../index.html\""));
        // A fit's page: its canonical URL is its file under the study's folder; its links stay relative too.
        String fit = Files.readString(out.resolve("demo/fits/direct--ladder--metric-arc_easy.html"));
        assertTrue(fit.contains("<link rel=\"canonical\" "
                + "href=\"https://user.github.io/repo/demo/fits/direct--ladder--metric-arc_easy.html\">"), fit);
        assertEquals(2, fit.split("https://user.github.io", -1).length - 1);
        assertTrue(fit.contains("href=\"../index.html\""));
    }
}
