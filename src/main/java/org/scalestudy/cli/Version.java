package org.scalestudy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The tool's version and the commit it was built from, both written into {@code version.properties} by the
 * build (pom.xml: {@code ${revision}}, set from the release tag, and the git-commit-id plugin). A build outside
 * a git clone has no commit and says so.
 */
public final class Version implements CommandLine.IVersionProvider {
    private static final Properties BUILD = load();
    /** The project version, e.g. {@code 0.1.0} (what a release tag {@code v0.1.0} built). */
    public static final String VERSION = BUILD.getProperty("version");
    /** The full commit id, or {@code unknown} for a build outside a git clone. */
    public static final String COMMIT = known(BUILD.getProperty("commit"));

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** {@code scalestudy 0.1.0 (commit 0123…, modified)}; "modified" when the working tree had changes. */
    public static String line() {
        String dirty = "true".equals(BUILD.getProperty("dirty")) ? ", modified" : "";
        return "scalestudy " + VERSION + " (commit " + COMMIT + dirty + ")";
    }

    private static String known(String value) {
        return value == null || value.startsWith("${") || value.isBlank() ? "unknown" : value;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
