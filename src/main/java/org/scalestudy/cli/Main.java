package org.scalestudy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.scalestudy.lang.Crash;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code scalestudy}: the command-line entry point. */
@Command(name = "scalestudy", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Turns declarative scaling-law studies into a reproducible static site.")
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them, made when used: picocli reads a command's annotated fields by
     * reflection when it is added, so a run adds only the command it names (start-up), and every one of them for
     * anything else (help, {@code --version}, a misspelt command, which then gets its suggestions).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("build", BuildCommand::new);
        COMMANDS.put("check", CheckCommand::new);
        COMMANDS.put("serve", ServeCommand::new);
        COMMANDS.put("diff", DiffCommand::new);
        COMMANDS.put("changed", ChangedCommand::new);
        COMMANDS.put("lsp", LspCommand::new);
        COMMANDS.put("init", InitCommand::new);
        COMMANDS.put("help", CommandLine.HelpCommand::new);
    }

    /** The commands that write a site, for which the report stage's set-up starts at once ({@link
     * org.scalestudy.report.ReportWarmUp}). */
    private static final java.util.Set<String> SITE_COMMANDS = java.util.Set.of("build", "serve");

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
        if (args.length > 0 && SITE_COMMANDS.contains(args[0])) {
            // before picocli even reads the arguments: the set-up runs beside the parsing, checking and fitting
            org.scalestudy.report.ReportWarmUp.start();
        }
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (used by tests without exiting the JVM). */
    public static int execute(String... args) {
        CommandLine cli = commandLine(args.length > 0 ? args[0] : "");
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

    /** The command line for a run whose first argument is {@code first}: with that command only, when it is one. */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new Main());
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: build, check, serve, diff or init");
    }
}
