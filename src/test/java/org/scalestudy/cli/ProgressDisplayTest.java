package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    static String drive(boolean terminal, int total, int cached) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        display.started(total);
        for (int i = 0; i < total; i++) {
            display.fitDone(i < cached);
        }
        display.finished();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalAPlainLineAtEachTenth() {
        String out = drive(false, 1000, 250);
        List<String> lines = out.lines().toList();
        // 100, 200, ..., 900 done: nine lines; the tenth tenth is the build's own summary.
        assertEquals(9, lines.size(), out);
        assertEquals("fits 100/1,000 (100 cached)", lines.get(0));
        assertEquals("fits 900/1,000 (250 cached)", lines.get(8));
        assertTrue(!out.contains("\r"), "no carriage return in a log");
    }

    /**
     * A fit that runs long (bootstrap 10,000) left the terminal silent for minutes: now, once no fit has finished
     * for 5 s, the line says for how long (every second on a terminal, every 30 s in a log).
     */
    @Test
    void aLongFitIsShownWhileItRuns() {
        for (boolean terminal : new boolean[] {true, false}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ProgressDisplay display = new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    terminal);
            display.started(2);
            display.fitDone(false);
            long now = System.nanoTime();
            String before = bytes.toString(StandardCharsets.UTF_8);
            display.tick(now + 4_000_000_000L);
            assertEquals(before, bytes.toString(StandardCharsets.UTF_8), "4 s of quiet: nothing more yet");
            display.tick(now + 31_000_000_000L);
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("fits 1/2 (0 cached), fitting: 31 s since the last fit finished"), out);
            assertEquals(terminal, out.contains("\r"), "redrawn in place only on a terminal");
            display.finished();
        }
    }

    @Test
    void smallBuildsSayNothingWithoutATerminal() {
        assertEquals("", drive(false, ProgressDisplay.PLAIN_MINIMUM - 1, 0));
    }

    @Test
    void onATerminalOneLineRewrittenInPlaceEndingWithTheTotal() {
        String out = drive(true, 5000, 5000);
        assertTrue(out.startsWith("\rfits 1/5,000 (1 cached)"), out);
        assertTrue(out.endsWith("\rfits 5,000/5,000 (5,000 cached)   \n"), out);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "a single line");
    }
}
