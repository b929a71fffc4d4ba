package org.scalestudy.cli;

import org.scalestudy.lang.Crash;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scalestudy}: the command-line entry point. */
@Command(name = "scalestudy", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns declarative scaling-law studies into a reproducible static site.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, DiffCommand.class, ChangedCommand.class,
                LspCommand.class,
                InitCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code when a study has errors. */
    public static final int STUDY_ERRORS = 1;
    /** Exit code when the command itself could not run (bad arguments, unreadable folder). */
    public static final int USAGE = 2;
    /** Exit code of {@code diff} when the builds break a {@code --fail-on-...} rule. */
    public static final int CHECK_FAILED = 3;
    /** Exit code of any command that met an unexpected exception: a bug in the tool (see {@link Crash}). */
    public static final int INTERNAL_ERROR = 70;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests without exiting the JVM). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExitCodeExceptionMapper(e -> USAGE);
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            System.err.println(Crash.line(e));
            return INTERNAL_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {   // picocli passes errors such as StackOverflowError through
            System.err.println(Crash.line(e));
            return INTERNAL_ERROR;
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, check, serve, diff or init");
    }
}
