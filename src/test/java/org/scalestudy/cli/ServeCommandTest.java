package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/** {@code serve}'s usage errors (the running preview is tested in org.scalestudy.serve.PreviewTest). */
class ServeCommandTest {

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("serve", "studies/demo.study", "--port", "70000");
        assertEquals(Main.USAGE, run.code());
        assertTrue(run.err().contains("--port must be 0-65535"), run.err());
    }

    @Test
    void aPortInUseIsReportedWithoutAStackTrace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("l.csv"), "run,C,acc\na,1e18,0.4\nb,1e19,0.5\nc,1e20,0.6\n");
        Files.writeString(dir.resolve("s.study"), "study \"s\" {\n  data d = csv(\"l.csv\")\n"
                + "  law l = direct_power(x: C, y: acc)\n  fit l to d\n}\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", dir.resolve("s.study").toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(Main.USAGE, run.code());
            assertTrue(run.err().contains("scalestudy: cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    run.err());
            assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
        }
    }
}
