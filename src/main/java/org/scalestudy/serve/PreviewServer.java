package org.scalestudy.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the preview site on 127.0.0.1 (through {@link HttpListener}, which slow clients cannot starve). Only files inside the site folder are
 * served: a request path is decoded, and any {@code ..} segment, backslash, NUL, hidden (dot) name, or file
 * whose real path (after symbolic links) leaves the site is answered with 404. HTML pages get the
 * {@link LiveReload} script; while the latest build failed, every page request gets the {@link ErrorPage}.
 */
final class PreviewServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "study", "text/plain; charset=utf-8",
            "csv", "text/csv; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    /** How long one read of a request may wait, and how long a connection may stay open in all. */
    static final int READ_TIMEOUT_MILLIS = 5_000;
    static final long DEADLINE_MILLIS = 60_000;

    private final HttpListener listener;
    private final Path site;
    private final Supplier<BuildState> state;

    PreviewServer(int port, Path site, Supplier<BuildState> state) throws IOException {
        this(port, site, state, READ_TIMEOUT_MILLIS, DEADLINE_MILLIS);
    }

    PreviewServer(int port, Path site, Supplier<BuildState> state, int readTimeoutMillis, long deadlineMillis)
            throws IOException {
        this.site = site;
        this.state = state;
        this.listener = new HttpListener(port, this::handle, readTimeoutMillis, deadlineMillis);
    }

    int port() {
        return listener.port();
    }

    private HttpListener.Response handle(HttpListener.Request request) throws IOException {
        String method = request.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return text(405, "only GET and HEAD\n");
        }
        String path = decodedPath(request.target());
        BuildState current = state.get();
        if (path == null) {
            return text(404, "not found\n");
        } else if (path.equals(LiveReload.VERSION_PATH)) {
            return text(200, Long.toString(current.version()));
        } else if (isPage(path) && !current.ok()) {
            String page = LiveReload.inject(ErrorPage.render(current.problems()), current.version());
            return response(500, TYPES.get("html"), bytes(page), Map.of());
        }
        return serveFile(path, current);
    }

    private HttpListener.Response serveFile(String path, BuildState current) throws IOException {
        Path file = resolve(path);
        if (file != null && Files.isDirectory(file)) {
            if (!path.endsWith("/")) {
                // Pages link relative to their folder: /demo must become /demo/.
                return response(301, "text/plain; charset=utf-8", bytes("moved to " + path + "/\n"),
                        Map.of("Location", path + "/"));
            }
            file = file.resolve("index.html");
        }
        if (file == null || !Files.isRegularFile(file) || !insideSite(file)) {
            return text(404, "not found\n");
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        byte[] body = Files.readAllBytes(file);
        if (extension.equals("html")) {
            body = bytes(LiveReload.inject(new String(body, StandardCharsets.UTF_8), current.version()));
        }
        return response(200, TYPES.getOrDefault(extension, "application/octet-stream"), body, Map.of());
    }

    /** The request's path, percent-decoded; null when it is malformed or could leave the site. */
    static String decodedPath(URI uri) {
        String path;
        try {
            path = new URI(uri.getRawPath() == null ? "/" : uri.getRawPath()).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
        if (path == null || !path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            return null;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")
                    || (segment.startsWith(".") && !segment.isEmpty())) {
                return null;
            }
        }
        return path;
    }

    private Path resolve(String path) {
        Path root = site.toAbsolutePath().normalize();
        Path file = root;
        for (String segment : path.substring(1).split("/")) {
            if (!segment.isEmpty()) {
                file = file.resolve(segment);
            }
        }
        file = file.normalize();
        return file.startsWith(root) ? file : null;
    }

    private boolean insideSite(Path file) throws IOException {
        return file.toRealPath().startsWith(site.toRealPath());
    }

    private static boolean isPage(String path) {
        return path.endsWith("/") || path.endsWith(".html");
    }

    private static HttpListener.Response text(int status, String text) {
        return response(status, "text/plain; charset=utf-8", bytes(text), Map.of());
    }

    private static HttpListener.Response response(int status, String type, byte[] body, Map<String, String> more) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(more);
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        return new HttpListener.Response(status, type, body, headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        listener.close();
    }
}
