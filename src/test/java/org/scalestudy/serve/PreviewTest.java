package org.scalestudy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running preview on a free port: the page is served with the reload script, saving the study or its data
 * bumps the version and rebuilds the page, a broken study shows its errors (escaped) in the page and the log,
 * and fixing it brings the site back.
 */
class PreviewTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Accuracy of the direct law -log acc = 50 C^-0.1 (baseline 0) at five computes: an exact closed-form fit. */
    static String ladder(double alpha) {
        StringBuilder csv = new StringBuilder("run,C,acc\n");
        for (int i = 0; i < 5; i++) {
            double c = Math.pow(10, 18 + i);
            csv.append('r').append(i).append(',').append(c).append(',').append(Math.exp(-50 * Math.pow(c, -alpha)))
                    .append('\n');
        }
        return csv.toString();
    }

    static String study(String title) {
        return "study \"" + title + "\" {\n  data d = csv(\"ladder.csv\")\n  law l = direct_power(x: C, y: acc)\n"
                + "  fit l to d\n    window C < 1e21\n    holdout C >= 1e21\n}\n";
    }

    @Test
    void rebuildsOnSaveReloadsAndShowsErrorsEscaped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ladder.csv"), ladder(0.1));
        Path study = dir.resolve("s.study");
        Files.writeString(study, study("First"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Preview preview = Preview.start(List.of(study), 0, 50,
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            String url = preview.url();
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/"), url);
            assertEquals("1", get(url + "__scalestudy/version").body());
            HttpResponse<String> index = get(url);
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("First"));
            assertTrue(index.body().contains("fetch(\"/__scalestudy/version\"") && index.body().contains("served = \"1\""),
                    "the page carries the reload script for build 1");
            assertEquals(301, get(url + "s").statusCode(), "a folder without its slash is redirected");
            assertTrue(get(url + "s/").body().contains("First"));
            assertTrue(get(url + "s/results.json").body().contains("\"title\": \"First\""));
            // A fit's page, linked from the study page, is served and reloads by itself too.
            assertTrue(get(url + "s/").body().contains("href=\"fits/l--d.html\""));
            HttpResponse<String> fit = get(url + "s/fits/l--d.html");
            assertEquals(200, fit.statusCode());
            assertTrue(fit.body().contains("First") && fit.body().contains("served = \"1\""), fit.body());

            // Saving the study: a new build, the new title on the page.
            Files.writeString(study, study("Second, a longer title"));
            awaitVersion(url, "2");
            assertTrue(get(url + "s/").body().contains("Second, a longer title"));
            assertTrue(get(url + "s/").body().contains("served = \"2\""));
            assertTrue(get(url + "s/fits/l--d.html").body().contains("Second, a longer title"));

            // Saving the data file it reads: another build, other predictions.
            String before = get(url + "s/results.json").body();
            Files.writeString(dir.resolve("ladder.csv"), ladder(0.12));
            awaitVersion(url, "3");
            assertFalse(get(url + "s/results.json").body().equals(before), "results follow the new data");

            // A broken study with hostile text: the page lists the error, escaped, and so does the log.
            Files.writeString(study, study("Third").replace("ladder.csv", "<script>alert(1)</script>.csv"));
            awaitVersion(url, "4");
            HttpResponse<String> error = get(url + "s/");
            assertEquals(500, error.statusCode());
            assertTrue(error.body().contains("cannot read data file &#39;&lt;script&gt;alert(1)&lt;/script&gt;.csv"),
                    error.body());
            assertFalse(error.body().contains("<script>alert(1)"), "no hostile markup passes");
            assertTrue(error.body().contains("served = \"4\""), "the error page reloads by itself too");
            assertEquals(500, get(url).statusCode(), "every page shows the errors");
            assertEquals(500, get(url + "s/fits/l--d.html").statusCode(), "fit pages too");
            assertEquals(200, get(url + "assets/style.css").statusCode(), "assets of the last good site stay");
            String printed = log.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("s.study:2:16: error: cannot read data file '<script>alert(1)</script>.csv'"),
                    printed);
            assertTrue(printed.contains("[4] build failed: 1 problem"), printed);

            // Fixed: the site is back.
            Files.writeString(study, study("Fourth"));
            awaitVersion(url, "5");
            HttpResponse<String> fixed = get(url + "s/");
            assertEquals(200, fixed.statusCode());
            assertTrue(fixed.body().contains("Fourth"));
        }
    }

    /**
     * A save caught half-written (here: the study cut off mid-title) is not built: a change is built only once
     * two polls see the same inputs. The watcher's own polls are an hour apart, so the test's polls are the
     * only ones.
     */
    @Test
    void aChangeIsBuiltOnlyOnceItHoldsStill(@TempDir Path dir) throws Exception {
        Path study = dir.resolve("s.study");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Preview preview = polledByHand(study, log)) {
            assertEquals(1, preview.version(), "the first build");
            preview.rebuildIfChanged();
            assertEquals(1, preview.version(), "nothing changed");

            String whole = study("Second");
            Files.writeString(study, whole.substring(0, whole.indexOf("Second") + 3));
            preview.rebuildIfChanged();
            assertEquals(1, preview.version(), "a change seen once is not built yet");
            Files.writeString(study, whole);
            preview.rebuildIfChanged();
            assertEquals(1, preview.version(), "it changed again since the last poll");
            preview.rebuildIfChanged();
            assertEquals(2, preview.version(), "two polls agree: built");
            assertTrue(get(preview.url() + "s/").body().contains("Second"));
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("build failed"),
                    "the half-written study was never built");
        }
    }

    /**
     * A study that overflowed the stack of every build (3,000 nested parentheses) killed the preview's watcher
     * silently: the version stayed put and later good edits were never built. Now it is a failed build like any
     * other: its message on the pages and in the terminal, and the next good edit is built.
     */
    @Test
    void aFailedBuildIsShownAndTheNextGoodEditIsBuilt(@TempDir Path dir) throws Exception {
        Path study = dir.resolve("s.study");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Preview preview = polledByHand(study, log)) {
            Files.writeString(study, study("First").replace("csv(\"ladder.csv\")", "csv(\"ladder.csv\") { let z = "
                    + "(".repeat(3000) + "C" + ")".repeat(3000) + " }"));
            preview.rebuildIfChanged();
            preview.rebuildIfChanged();
            assertEquals(2, preview.version(), "the crashing edit is a build of its own");
            for (String page : List.of("", "s/", "s/fits/l--d.html")) {
                HttpResponse<String> shown = get(preview.url() + page);
                assertEquals(500, shown.statusCode(), page);
                assertTrue(shown.body().contains("nests more than 200 levels"), page + ": " + shown.body());
            }
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("s.study:2:"), log.toString(StandardCharsets.UTF_8));
            Files.writeString(study, study("Second"));
            preview.rebuildIfChanged();
            preview.rebuildIfChanged();
            assertEquals(3, preview.version());
            assertTrue(get(preview.url() + "s/").body().contains("Second"));
        }
    }

    @Test
    void theBuiltSiteCarriesNoReloadScript(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ladder.csv"), ladder(0.1));
        Files.writeString(dir.resolve("s.study"), study("First"));
        Path out = dir.resolve("site");
        assertEquals(0, org.scalestudy.cli.Main.execute("build", dir.resolve("s.study").toString(), "--out",
                out.toString()));
        for (String page : List.of("index.html", "s/index.html", "s/fits/l--d.html")) {
            assertFalse(Files.readString(out.resolve(page)).contains("__scalestudy"), page);
        }
    }

    /** A preview of s.study (title "First") beside ladder.csv that polls only when the test calls it. */
    static Preview polledByHand(Path study, ByteArrayOutputStream log) throws IOException {
        Files.writeString(study.resolveSibling("ladder.csv"), ladder(0.1));
        Files.writeString(study, study("First"));
        return Preview.start(List.of(study), 0, 3_600_000, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    static void awaitVersion(String url, String version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = get(url + "__scalestudy/version").body();
            if (seen.equals(version)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("version stayed " + seen + ", expected " + version);
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
