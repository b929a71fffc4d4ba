package org.scalestudy.cli;

import java.util.List;
import org.scalestudy.lang.Diagnostic;

/**
 * Diagnostics as GitHub Actions workflow commands, one a line, in {@link Diagnostic#ORDER}:
 * {@code ::error file=F,line=L,col=C::message} (or {@code ::warning}); {@code col} is left out for a problem of
 * a whole line or file. Values are escaped as the runner expects (% CR LF in the message; also : and , in the
 * properties), so no text from a study can end a command early or start another.
 */
final class GithubAnnotations {
    private GithubAnnotations() {
    }

    static String write(List<Diagnostic> diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.stream().sorted(Diagnostic.ORDER).toList()) {
            out.append("::").append(d.severity().label()).append(" file=").append(property(d.file()))
                    .append(",line=").append(d.line());
            if (d.column() > 0) {
                out.append(",col=").append(d.column());
            }
            out.append("::").append(data(d.message())).append('\n');
        }
        return out.toString();
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
