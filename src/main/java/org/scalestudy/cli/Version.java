package org.scalestudy.cli;

import picocli.CommandLine;

/** The tool's version, from the jar's manifest or the build's properties. */
public final class Version implements CommandLine.IVersionProvider {
    public static final String VERSION = "0.1.0";

    @Override
    public String[] getVersion() {
        return new String[] {"scalestudy " + VERSION};
    }
}
