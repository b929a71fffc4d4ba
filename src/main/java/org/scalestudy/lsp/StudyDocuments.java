package org.scalestudy.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The open study files: their text as the editor has it, diagnostics as you type (checked on a thread of their
 * own {@link #DEBOUNCE_MS} after the last change, so a burst of keystrokes costs one check, and hover, completion
 * and definition are answered meanwhile), hover, completion and go-to-definition.
 */
final class StudyDocuments implements TextDocumentService {
    /** Quiet time after the last change before the text is checked. */
    static final long DEBOUNCE_MS = 200;

    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Map<String, List<String>>> columns = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> published = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scalestudy-lsp-check");
        t.setDaemon(true);
        return t;
    });
    private volatile LanguageClient client;

    void connect(LanguageClient client) {
        this.client = client;
    }

    void shutdown() {
        checks.shutdownNow();
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        texts.put(params.getTextDocument().getUri(), params.getTextDocument().getText());
        schedule(params.getTextDocument().getUri());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        // full sync: the last change holds the whole text
        String text = params.getContentChanges().get(params.getContentChanges().size() - 1).getText();
        texts.put(params.getTextDocument().getUri(), text);
        schedule(params.getTextDocument().getUri());
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        texts.remove(uri);
        ScheduledFuture<?> old = pending.remove(uri);
        if (old != null) {
            old.cancel(false);
        }
        for (String target : published.getOrDefault(uri, Set.of(uri))) {
            publish(target, List.of());
        }
        published.remove(uri);
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        schedule(params.getTextDocument().getUri());  // a data file may have changed beside it
    }

    private void schedule(String uri) {
        ScheduledFuture<?> old = pending.put(uri, checks.schedule(() -> check(uri), DEBOUNCE_MS,
                TimeUnit.MILLISECONDS));
        if (old != null) {
            old.cancel(false);
        }
    }

    private void check(String uri) {
        String text = texts.get(uri);
        if (text == null) {
            return;
        }
        StudyCheck.Outcome outcome = StudyCheck.run(uri, text);
        if (!text.equals(texts.get(uri))) {
            return;  // changed meanwhile: the next check reports
        }
        if (outcome.columns() != null) {
            columns.put(uri, outcome.columns());
        }
        Set<String> before = published.getOrDefault(uri, Set.of());
        for (String stale : before) {
            if (!outcome.byUri().containsKey(stale)) {
                publish(stale, List.of());
            }
        }
        outcome.byUri().forEach(this::publish);
        published.put(uri, outcome.byUri().keySet());
    }

    private void publish(String uri, List<org.eclipse.lsp4j.Diagnostic> diagnostics) {
        LanguageClient c = client;
        if (c != null) {
            c.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics));
        }
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        String text = texts.getOrDefault(params.getTextDocument().getUri(), "");
        Position p = params.getPosition();
        Tokens.Word word = Tokens.wordAt(text, p.getLine(), p.getCharacter());
        if (word == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(Vocabulary.explain(word.text()).map(e -> new Hover(
                new MarkupContent(MarkupKind.MARKDOWN, e.markdown()),
                new Range(new Position(word.line(), word.start()), new Position(word.line(), word.end()))))
                .orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = params.getTextDocument().getUri();
        String text = texts.getOrDefault(uri, "");
        List<CompletionItem> items = new ArrayList<>();
        for (String k : Vocabulary.keywords()) {
            items.add(item(k, CompletionItemKind.Keyword, "keyword", null));
        }
        for (Vocabulary.Entry e : Vocabulary.lawKinds()) {
            items.add(item(e.word(), CompletionItemKind.Class, e.detail(), e.markdown()));
        }
        for (Vocabulary.Entry e : Vocabulary.readers()) {
            items.add(item(e.word(), CompletionItemKind.Module, e.detail(), e.markdown()));
        }
        for (Vocabulary.Entry e : Vocabulary.functions()) {
            items.add(item(e.word(), CompletionItemKind.Function, e.detail(), e.markdown()));
        }
        Set<String> options = new java.util.TreeSet<>();
        for (Vocabulary.Entry e : Vocabulary.options()) {
            if (options.add(e.word())) {
                items.add(item(e.word(), CompletionItemKind.Property, e.detail(), e.markdown()));
            }
        }
        for (Tokens.Declaration d : Tokens.declarations(text)) {
            items.add(item(d.name(), d.kind().equals("law") ? CompletionItemKind.Function
                    : CompletionItemKind.Variable, d.kind() + " " + d.name(), null));
        }
        Set<String> seen = new java.util.TreeSet<>();
        columns.getOrDefault(uri, Map.of()).forEach((data, names) -> {
            for (String c : names) {
                if (seen.add(c)) {
                    items.add(item(c, CompletionItemKind.Field, "column of data " + data, null));
                }
            }
        });
        return CompletableFuture.completedFuture(Either.forLeft(items));
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String markdown) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        if (markdown != null) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, markdown));
        }
        return item;
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        String uri = params.getTextDocument().getUri();
        String text = texts.getOrDefault(uri, "");
        Position p = params.getPosition();
        Tokens.Word word = Tokens.wordAt(text, p.getLine(), p.getCharacter());
        List<Location> out = new ArrayList<>();
        if (word != null) {
            for (Tokens.Declaration d : Tokens.declarations(text)) {
                if (d.name().equals(word.text())) {
                    out.add(new Location(uri, new Range(new Position(d.line(), d.column()),
                            new Position(d.line(), d.column() + d.name().length()))));
                }
            }
        }
        return CompletableFuture.completedFuture(Either.forLeft(out));
    }
}
