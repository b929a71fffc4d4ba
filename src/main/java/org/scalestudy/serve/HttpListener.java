package org.scalestudy.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on the loopback address that slow or idle clients cannot starve: one request per
 * connection ({@code Connection: close}); every connection is closed by force once it has been open for
 * {@code deadlineMillis} (reading the request and writing the answer included), and each read waits at most
 * {@code readTimeoutMillis}; a request's line and headers may take {@value #MAX_HEAD_BYTES} bytes; one
 * client address holds at most {@value #PER_CLIENT} connections at once (more are closed at once, answered
 * 503), and {@value #THREADS} threads serve, so that clients holding connections open leave threads for others.
 */
final class HttpListener implements AutoCloseable {
    static final int THREADS = 64;
    static final int PER_CLIENT = 32;
    static final int MAX_HEAD_BYTES = 16 * 1024;

    /** A request: its method and target (path and query, as sent). */
    record Request(String method, URI target) { }

    /** An answer; {@code headers} are added to Content-Type, Content-Length and Connection. */
    record Response(int status, String type, byte[] body, Map<String, String> headers) {
        Response(int status, String type, byte[] body) {
            this(status, type, body, Map.of());
        }
    }

    /** Answers one request. */
    interface Handler {
        Response handle(Request request) throws IOException;
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final int readTimeoutMillis;
    private final long deadlineMillis;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService reaper;
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean closed;

    HttpListener(int port, Handler handler, int readTimeoutMillis, long deadlineMillis) throws IOException {
        this.handler = handler;
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadlineMillis = deadlineMillis;
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        this.workers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("scalestudy-serve"));
        workers.allowCoreThreadTimeOut(true);
        this.reaper = Executors.newSingleThreadScheduledExecutor(daemon("scalestudy-serve-deadline"));
        this.acceptor = daemon("scalestudy-serve-accept").newThread(this::acceptLoop);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            InetAddress address = client.getInetAddress();
            AtomicInteger open = perClient.computeIfAbsent(address, a -> new AtomicInteger());
            if (open.incrementAndGet() > PER_CLIENT) {
                release(address, open);
                refuse(client);
                continue;
            }
            try {
                workers.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        release(address, open);
                    }
                });
            } catch (RejectedExecutionException busy) {
                release(address, open);
                refuse(client);
            }
        }
    }

    private void release(InetAddress address, AtomicInteger open) {
        if (open.decrementAndGet() <= 0) {
            perClient.remove(address, open);
        }
    }

    /** Answers 503 without reading the request (the write fits in the socket's buffer) and closes. */
    private static void refuse(Socket client) {
        try (client) {
            client.setSoTimeout(100);
            write(client.getOutputStream(), new Response(503, "text/plain; charset=utf-8",
                    "too many connections; try again\n".getBytes(StandardCharsets.UTF_8)), false);
        } catch (IOException ignored) {
            // the client is gone; nothing to tell it
        }
    }

    private void serve(Socket client) {
        ScheduledFuture<?> deadline = reaper.schedule(() -> closeQuietly(client), deadlineMillis, TimeUnit.MILLISECONDS);
        try (client) {
            client.setSoTimeout(readTimeoutMillis);
            Request request = read(client.getInputStream());
            Response response;
            if (request == null) {
                response = new Response(400, "text/plain; charset=utf-8", bytes("bad request\n"));
            } else {
                try {
                    response = handler.handle(request);
                } catch (IOException | RuntimeException e) {
                    response = new Response(500, "text/plain; charset=utf-8", bytes("cannot answer: " + e + "\n"));
                }
            }
            write(client.getOutputStream(), response, request != null && request.method().equals("HEAD"));
        } catch (IOException timedOutOrGone) {
            // a slow client timed out, or closed first: its connection is closed, nobody else waits
        } finally {
            deadline.cancel(false);
        }
    }

    /** The request line and headers (the body, if any, is not read); null when malformed or too long. */
    static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int tail = 0;   // the last four bytes read
        while ((tail & 0xFFFF) != 0x0A0A && tail != 0x0D0A0D0A) {   // "\n\n" or "\r\n\r\n" ends the headers
            int b = in.read();
            if (b < 0 || head.size() >= MAX_HEAD_BYTES) {
                return null;
            }
            head.write(b);
            tail = tail << 8 | b;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        String line = text.substring(0, text.indexOf('\n')).strip();
        String[] parts = line.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            return null;
        }
        try {
            return new Request(parts[0], new URI(parts[1]));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void write(OutputStream out, Response response, boolean head) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.type());
        headers.put("Content-Length", Integer.toString(response.body().length));
        headers.putAll(response.headers());
        headers.put("Connection", "close");
        StringBuilder text = new StringBuilder("HTTP/1.1 " + response.status() + " " + reason(response.status())
                + "\r\n");
        headers.forEach((k, v) -> text.append(k).append(": ").append(v).append("\r\n"));
        text.append("\r\n");
        out.write(text.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!head) {
            out.write(response.body());
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 503 -> "Service Unavailable";
            default -> "Internal Server Error";
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket does not fail in a way that matters here
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.shutdownNow();
        reaper.shutdownNow();
    }
}
