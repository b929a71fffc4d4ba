package org.scalestudy.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scalestudy lsp} end to end through the protocol: a client made by LSP4J's own launcher talks JSON-RPC
 * over pipes to the server, opens a study with errors, gets check's diagnostics at the right ranges, fixes the
 * text, gets an empty list, asks for hover, completion (with the bound data's columns) and definition, shuts down.
 */
class LanguageServerTest {
    @TempDir
    Path project;

    private final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();

    private static final String GOOD = "study \"S\" {\n"
            + "  data ladder = csv(\"data/demo-ladder.csv\") { let C = 6 * params * tokens }\n"
            + "  law direct = direct_power(x: C, y: value, baseline: baseline)\n"
            + "  fit direct to ladder where metric == \"arc_easy\" and tokens == 20 * params\n"
            + "}\n";

    @Test
    void diagnosticsHoverCompletionAndDefinitionThroughTheProtocol() throws Exception {
        Files.createDirectories(project.resolve("studies/data"));
        Files.copy(Path.of("studies/data/demo-ladder.csv"), project.resolve("studies/data/demo-ladder.csv"));
        Path file = project.resolve("studies/s.study");
        String uri = file.toUri().toString();
        // two errors: a misspelt law kind (line 3, column 16) and an unknown column (line 4)
        String bad = GOOD.replace("direct_power(", "direct_powr(").replace("metric ==", "metrc ==");
        Files.writeString(file, bad);

        PipedInputStream serverIn = new PipedInputStream();
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream();
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        StudyLanguageServer server = new StudyLanguageServer("test");
        Launcher<LanguageClient> serverLauncher = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
        server.connect(serverLauncher.getRemoteProxy());
        serverLauncher.startListening();
        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(new Client(), clientIn, clientOut);
        clientLauncher.startListening();
        LanguageServer remote = clientLauncher.getRemoteProxy();

        InitializeResult init = remote.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
        assertTrue(init.getCapabilities().getHoverProvider().getLeft());
        remote.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "scalestudy", 1, bad)));
        PublishDiagnosticsParams first = next(uri);
        assertEquals(2, first.getDiagnostics().size(), first.toString());
        // the same messages and positions as `scalestudy check` (3:16 and 4:30, 1-based), as ranges over the word
        assertEquals("unknown law kind 'direct_powr'; did you mean 'direct_power'?", first.getDiagnostics().get(0).getMessage());
        assertEquals(new Range(new Position(2, 15), new Position(2, 26)), first.getDiagnostics().get(0).getRange());
        assertTrue(first.getDiagnostics().get(1).getMessage().startsWith("unknown column 'metrc'"),
                first.getDiagnostics().get(1).getMessage());
        assertEquals(new Range(new Position(3, 29), new Position(3, 34)), first.getDiagnostics().get(1).getRange());

        // typing: three quick changes are checked once, on the last text, which is right: an empty list
        for (int v = 2; v <= 4; v++) {
            remote.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                    new VersionedTextDocumentIdentifier(uri, v),
                    List.of(new TextDocumentContentChangeEvent(v == 4 ? GOOD : bad.substring(0, 40 + v)))));
        }
        PublishDiagnosticsParams fixed = next(uri);
        assertEquals(List.of(), fixed.getDiagnostics(), "the fixed text has no problem");
        assertEquals(null, diagnostics.poll(2 * StudyDocuments.DEBOUNCE_MS, TimeUnit.MILLISECONDS),
                "the two texts typed in between were never checked");

        TextDocumentIdentifier doc = new TextDocumentIdentifier(uri);
        Hover hover = remote.getTextDocumentService().hover(new HoverParams(doc, new Position(2, 20)))
                .get(10, TimeUnit.SECONDS);
        String shown = hover.getContents().getRight().getValue();
        assertTrue(shown.startsWith("**direct_power** (law kind): "), shown);
        assertTrue(shown.contains("`direct_power(x: expr, y: expr, baseline: expr"), shown);
        Hover reader = remote.getTextDocumentService().hover(new HoverParams(doc, new Position(1, 17)))
                .get(10, TimeUnit.SECONDS);
        assertTrue(reader.getContents().getRight().getValue().startsWith("**csv(\"path\", option: value, …)** (data reader)"));

        List<CompletionItem> items = remote.getTextDocumentService().completion(new CompletionParams(doc,
                new Position(3, 26))).get(10, TimeUnit.SECONDS).getLeft();
        List<String> labels = items.stream().map(CompletionItem::getLabel).toList();
        for (String expected : List.of("fit", "holdout", "bootstrap", "chinchilla", "csv", "log10", "ladder", "direct",
                "params", "tokens", "metric", "C")) {
            assertTrue(labels.contains(expected), expected + " in " + labels);
        }
        // columns come from the bound data file (csv also has an option called 'params': that is another item)
        assertEquals(List.of("column of data ladder"), items.stream().filter(i -> i.getLabel().equals("metric"))
                .map(CompletionItem::getDetail).toList());
        assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("params")
                && i.getDetail().equals("column of data ladder")));

        // 'ladder' in the fit statement (line 4) goes to its data declaration (line 2, column 7)
        List<? extends Location> where = remote.getTextDocumentService().definition(new DefinitionParams(doc,
                new Position(3, 17))).get(10, TimeUnit.SECONDS).getLeft();
        assertEquals(List.of(new Location(uri, new Range(new Position(1, 7), new Position(1, 13)))), where);

        assertEquals(null, remote.shutdown().get(10, TimeUnit.SECONDS));
    }

    private PublishDiagnosticsParams next(String uri) throws InterruptedException {
        while (true) {
            PublishDiagnosticsParams p = diagnostics.poll(30, TimeUnit.SECONDS);
            if (p == null) {
                throw new AssertionError("no diagnostics within 30 s");
            }
            if (p.getUri().equals(uri)) {
                return p;
            }
        }
    }

    private final class Client implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams params) {
            diagnostics.add(params);
        }

        @Override
        public void telemetryEvent(Object object) {
        }

        @Override
        public void showMessage(MessageParams params) {
        }

        @Override
        public java.util.concurrent.CompletableFuture<MessageActionItem> showMessageRequest(
                ShowMessageRequestParams params) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
        }
    }
}
