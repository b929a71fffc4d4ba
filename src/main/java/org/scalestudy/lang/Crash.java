package org.scalestudy.lang;

/**
 * An exception no command expected (a bug in the tool, never a problem with the study) as the one line the
 * user sees, {@code internal error: ... (please report)}; the command line exits with its own code for it (70).
 */
public final class Crash {
    private Crash() {
    }

    /** One line: the exception's kind, its message (cut short, on one line) and the tool's frame it came from. */
    public static String message(Throwable e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ").strip();
        if (detail.length() > 200) {
            detail = detail.substring(0, 197) + "...";
        }
        String where = "";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.scalestudy.")) {
                where = " at " + frame.getClassName().substring("org.scalestudy.".length()) + "."
                        + frame.getMethodName();
                break;
            }
        }
        return "internal error: " + e.getClass().getSimpleName() + detail + where + " (please report)";
    }

    /** The line for the terminal. */
    public static String line(Throwable e) {
        return "scalestudy: " + message(e);
    }

    /** The same as a diagnostic, for {@code check --format json} (no file: it concerns the tool). */
    public static Diagnostic diagnostic(Throwable e) {
        return new Diagnostic("", 0, 0, Diagnostic.Severity.ERROR, message(e), null);
    }
}
