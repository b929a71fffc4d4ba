package org.scalestudy.cli;

import java.util.concurrent.Callable;
import org.scalestudy.lsp.StudyLanguageServer;
import picocli.CommandLine.Command;

/** {@code scalestudy lsp}: a language server for editors, over stdin and stdout. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Speak the Language Server Protocol on stdin/stdout: diagnostics as you type (as check gives"
                + " them), hover, completion and go-to-definition for .study files. Started by an editor.",
        footer = {"", "Editor setup: docs/editors.md"})
public final class LspCommand implements Callable<Integer> {
    @Override
    public Integer call() throws InterruptedException {
        return StudyLanguageServer.serve(System.in, System.out, Version.VERSION);
    }
}
