package org.scalestudy.diff;

import java.util.List;
import java.util.Locale;

/**
 * A {@link ResultsDiff.Report} as Markdown for a pull-request comment: a heading, then per changed study and
 * fit a table of parameters, errors and predictions with before, after, change and relative change. Numbers
 * have six significant digits; every name from a study or its data is escaped, so it cannot open markup,
 * links or table cells.
 */
public final class MarkdownDiff {
    private MarkdownDiff() {
    }

    public static String render(ResultsDiff.Report report, String beforeLabel, String afterLabel,
                                Tolerance tolerance) {
        return render(report, beforeLabel, afterLabel, tolerance, Gate.NONE, List.of());
    }

    /**
     * As above, with what the {@code --fail-on-...} rules found right under the heading: the reasons the check
     * failed, or the rules that held.
     */
    public static String render(ResultsDiff.Report report, String beforeLabel, String afterLabel,
                                Tolerance tolerance, Gate gate, List<Gate.Failure> failures) {
        StringBuilder out = new StringBuilder();
        out.append("## scalestudy diff: ").append(text(beforeLabel)).append(" → ").append(text(afterLabel))
                .append("\n\n");
        if (!failures.isEmpty()) {
            out.append("**Check failed** (").append(failures.size()).append(failures.size() == 1 ? " reason" : " reasons")
                    .append("):\n\n");
            for (Gate.Failure f : failures) {
                out.append("- ").append(text(f.study()));
                if (!f.fit().isEmpty()) {
                    out.append(", ").append(text(f.fit()));
                }
                out.append(": ").append(text(f.reason())).append('\n');
            }
            out.append('\n');
        } else if (gate.active()) {
            out.append("**Check passed:** ").append(text(String.join("; ", gate.rules()))).append(".\n\n");
        }
        if (report.isEmpty()) {
            out.append("No changes beyond the tolerance (relative ").append(number(tolerance.relative()))
                    .append(", absolute ").append(number(tolerance.absolute())).append(").\n");
            return out.toString();
        }
        list(out, "Studies added", report.studiesAdded());
        list(out, "Studies removed", report.studiesRemoved());
        for (ResultsDiff.StudyChanges study : report.studies()) {
            out.append("### ").append(text(study.slug()));
            if (!study.title().isEmpty()) {
                out.append(": ").append(text(study.title()));
            }
            out.append("\n\n");
            list(out, "Fits added", study.fitsAdded());
            list(out, "Fits removed", study.fitsRemoved());
            for (ResultsDiff.FitChanges fit : study.fits()) {
                out.append("#### ").append(text(fit.fit())).append("\n\n");
                table(out, "parameter", fit.parameters());
                table(out, "error", fit.errors());
                table(out, "prediction", fit.predictions());
            }
            if (!study.decisions().isEmpty()) {
                out.append("#### Decisions\n\n| decision | winner before | winner after | P(winner) before | after"
                        + " | right before | after |\n|---|---|---|---:|---:|---|---|\n");
                for (ResultsDiff.DecisionChange d : study.decisions()) {
                    out.append("| ").append(text(d.decision())).append(" | ").append(orDash(d.winner().get(0)))
                            .append(" | ").append(orDash(d.winner().get(1))).append(" | ")
                            .append(probability(d.probability().get(0))).append(" | ")
                            .append(probability(d.probability().get(1))).append(" | ").append(d.correct().get(0))
                            .append(" | ").append(d.correct().get(1)).append(" |\n");
                }
                out.append('\n');
            }
        }
        out.append("Tolerance: relative ").append(number(tolerance.relative())).append(", absolute ")
                .append(number(tolerance.absolute())).append(".\n");
        return out.toString();
    }

    private static void list(StringBuilder out, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("**").append(heading).append(":**\n\n");
        for (String item : items) {
            out.append("- ").append(text(item)).append('\n');
        }
        out.append('\n');
    }

    private static void table(StringBuilder out, String what, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        out.append("| ").append(what).append(" | before | after | change | relative |\n")
                .append("|---|---:|---:|---:|---:|\n");
        for (Change c : changes) {
            out.append("| ").append(text(c.name())).append(" | ").append(number(c.before())).append(" | ")
                    .append(number(c.after())).append(" | ").append(signed(c.absolute())).append(" | ")
                    .append(percent(c.relative())).append(" |\n");
        }
        out.append('\n');
    }

    private static String orDash(String s) {
        return s.isEmpty() ? "—" : text(s);
    }

    private static String probability(double p) {
        return Double.isNaN(p) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * p);
    }

    /** Six significant digits, trailing zeros dropped; {@code null} for undefined values. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "null";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.6g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        if (!exponent.isEmpty()) {
            exponent = "e" + Integer.parseInt(exponent.substring(1).replace("+", ""));
        }
        return mantissa + exponent;
    }

    static String signed(double x) {
        return Double.isNaN(x) ? "—" : (x > 0 ? "+" : "") + number(x);
    }

    static String percent(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%+.2f%%", 100 * x);
        return s.equals("-0.00%") ? "+0.00%" : s;
    }

    /**
     * Text from a study or data: Markdown punctuation is backslash-escaped, {@code < > &} become entities (no
     * HTML passes through), and line ends become spaces (a table row stays one line).
     */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\n', '\r' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '#', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
