package org.scalestudy.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side on its own: only files inside the site are served, pages get the script, errors escape. */
class PreviewServerTest {

    @Test
    void servesFilesInsideTheSiteAndNothingOutside(@TempDir Path dir) throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("inside.txt"), "inside");
        Files.writeString(site.resolve("index.html"), "<html><body>home</body></html>");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(site.resolve(".scalestudy-site"), "");
        Files.createSymbolicLink(site.resolve("link.txt"), dir.resolve("secret.txt"));
        BuildState ok = new BuildState(7, List.of(), "built");
        try (PreviewServer server = new PreviewServer(0, site, () -> ok)) {
            int port = server.port();
            assertTrue(raw(port, "/inside.txt").startsWith("HTTP/1.1 200"));
            assertTrue(raw(port, "/inside.txt").endsWith("inside"));
            for (String attack : List.of("/../secret.txt", "/../../etc/passwd", "/%2e%2e/secret.txt",
                    "/%2e%2e/%2e%2e/etc/passwd", "/x/..%2f..%2fsecret.txt", "/..%5csecret.txt", "/link.txt",
                    "/.scalestudy-site", "/inside.txt%00.html")) {
                String response = raw(port, attack);
                assertTrue(response.startsWith("HTTP/1.1 404"), attack + " -> " + response);
                assertFalse(response.contains("secret") || response.contains("root:"), attack);
            }
            String home = raw(port, "/");
            assertTrue(home.contains("home<script>") && home.contains("served = \"7\""), home);
            assertTrue(raw(port, "/__scalestudy/version").endsWith("\r\n\r\n7"));
        }
    }

    @Test
    void decodedPathRejectsEveryWayOut() {
        assertEquals("/a/b.html", PreviewServer.decodedPath(URI.create("/a/b.html")));
        assertEquals("/a b/", PreviewServer.decodedPath(URI.create("/a%20b/")));
        assertNull(PreviewServer.decodedPath(URI.create("/a/../b")));
        assertNull(PreviewServer.decodedPath(URI.create("/a/%2E%2E/b")));
        assertNull(PreviewServer.decodedPath(URI.create("/./a")));
        assertNull(PreviewServer.decodedPath(URI.create("/a%5C..%5Cb")));
    }

    @Test
    void errorPageEscapesEveryProblem() {
        String page = ErrorPage.render(List.of("x.study:1:2: error: bad '<img src=x onerror=alert(1)>' & \"q\""));
        assertTrue(page.contains("bad &#39;&lt;img src=x onerror=alert(1)&gt;&#39; &amp; &quot;q&quot;"), page);
        assertFalse(page.contains("<img"));
        assertTrue(page.contains("1 problem."));
    }

    @Test
    void scriptGoesBeforeTheLastBodyEndOrAtTheEnd() {
        String script = LiveReload.script(3);
        assertEquals("<p>a</p>" + script + "</BODY>", LiveReload.inject("<p>a</p></BODY>", 3));
        assertEquals("<p>a</p>" + script, LiveReload.inject("<p>a</p>", 3));
    }

    /**
     * Sockets that send a request line and never finish their headers (8: twice the old server's four threads,
     * which they starved: with 4 held, a request timed out), then as many idle connections as one client may
     * hold. Bounded in count (8 + 33) and time (each read below waits at most 5 s).
     */
    @Test
    void heldOpenSocketsNeitherStarveOthersNorStayOpen(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("index.html"), "<p>hi</p>");
        BuildState ok = new BuildState(1, List.of(), "built");
        int readTimeout = 1_500;
        try (PreviewServer server = new PreviewServer(0, site, () -> ok, readTimeout, 3_000)) {
            int port = server.port();
            List<Socket> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket("127.0.0.1", port);
                    s.setSoTimeout(5_000);
                    s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    held.add(s);
                }
                long start = System.nanoTime();
                String answer = raw(port, "/");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
                assertTrue(millis < readTimeout, "answered while 8 sockets are held, without waiting for their "
                        + "timeout (" + readTimeout + " ms): " + millis + " ms");
                for (Socket s : held) {
                    // The server gives up on the unfinished request after its read timeout: 400, then end of stream.
                    String rest = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(rest.isEmpty() || rest.startsWith("HTTP/1.1 400"), rest);
                }
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
            List<Socket> idle = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < HttpListener.PER_CLIENT; i++) {
                    idle.add(new Socket("127.0.0.1", port));
                }
                Thread.sleep(200);   // the server has counted them
                try (Socket extra = new Socket("127.0.0.1", port)) {
                    extra.setSoTimeout(5_000);
                    String refused = new String(extra.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(refused.startsWith("HTTP/1.1 503"), "one client holds at most "
                            + HttpListener.PER_CLIENT + " connections: " + refused);
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    /** A request written by hand, so that no client tidies the path first. */
    static String raw(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
