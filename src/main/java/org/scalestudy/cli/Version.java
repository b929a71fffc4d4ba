package org.scalestudy.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The tool's version and the commit it was built from, written by the build into {@code version.properties}
 * (pom.xml's {@code ${revision}}, which the release workflow sets from the tag) and {@code commit.properties}
 * ({@code git rev-parse HEAD}). A build outside a git clone has no commit and says so.
 */
public final class Version implements CommandLine.IVersionProvider {
    private static final Properties BUILD = load("version.properties");
    private static final Properties GIT = load("commit.properties");
    /** The project version, e.g. {@code 0.1.0} (what a release tag {@code v0.1.0} built). */
    public static final String VERSION = BUILD.getProperty("version");
    /** The full commit id, or {@code unknown} for a build outside a git clone. */
    public static final String COMMIT = known(GIT.getProperty("commit"));

    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** {@code scalestudy 0.1.0 (commit 0123…, modified)}; "modified" when the working tree had changes. */
    public static String line() {
        String dirty = "true".equals(GIT.getProperty("dirty")) ? ", modified" : "";
        return "scalestudy " + VERSION + " (commit " + COMMIT + dirty + ")";
    }

    private static String known(String value) {
        return value == null || value.startsWith("${") || value.isBlank() ? "unknown" : value;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
