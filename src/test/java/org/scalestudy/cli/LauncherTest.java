package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalestudy.testsupport.CliRun;

/**
 * {@code bin/scalestudy}, the launcher the README's commands use, and the command line it starts. The launcher is
 * run from a copy of the repository's layout ({@code bin/scalestudy}, {@code target/scalestudy.jar}) whose "JDK"
 * ({@code JAVA_HOME}) is a script that prints the arguments it is given, so the test sees the JVM command line
 * without packaging anything.
 */
class LauncherTest {
    @TempDir
    Path dir;

    /** A clone's layout with the launcher, a placeholder jar and a JAVA_HOME whose java echoes its arguments. */
    private Path home() throws IOException {
        Path home = dir.resolve("clone");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(Path.of("bin/scalestudy"), home.resolve("bin/scalestudy"));
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/scalestudy.jar"), "placeholder");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home.toRealPath();
    }

    private List<String> run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("SCALESTUDY_JAVA_OPTS");
        pb.environment().remove("SCALESTUDY_CDS");
        pb.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return List.of(String.valueOf(p.waitFor()), out);
    }

    private static final String C1 = "-XX:TieredStopAtLevel=1\n";

    @Test
    void theLauncherRunsTheJarBesideItWithItsArchiveWhenTheArchiveIsNewer() throws Exception {
        Path home = home();
        Path jar = home.resolve("target/scalestudy.jar");
        Path archive = home.resolve("target/scalestudy.jsa");
        // no archive: java -jar <home>/target/scalestudy.jar and the arguments, as given, with the JIT's first tier
        // only (docs/benchmarks.md: faster on 2 cores)
        assertEquals(List.of("0", C1 + "-jar\n" + jar + "\n--version\nbuild x.study\n"),
                run(home.resolve("bin/scalestudy"), Map.of(), "--version", "build x.study"));
        // an archive newer than the jar is used, with the JVM's messages about it silenced
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000_100_000L));
        assertEquals(List.of("0", "-XX:SharedArchiveFile=" + archive + "\n-Xlog:cds=off\n-Xlog:cds+dynamic=off\n" + C1
                + "-jar\n" + jar + "\ncheck\n"), run(home.resolve("bin/scalestudy"), Map.of(), "check"));
        // ... and with extra options after the launcher's, so that they win; SCALESTUDY_CDS=off starts without it
        assertEquals(List.of("0", "-XX:SharedArchiveFile=" + archive + "\n-Xlog:cds=off\n-Xlog:cds+dynamic=off\n"
                + C1 + "-Xmx1g\n-jar\n" + jar + "\ncheck\n"),
                run(home.resolve("bin/scalestudy"), Map.of("SCALESTUDY_JAVA_OPTS", "-Xmx1g"), "check"));
        assertEquals(List.of("0", C1 + "-jar\n" + jar + "\ncheck\n"),
                run(home.resolve("bin/scalestudy"), Map.of("SCALESTUDY_CDS", "off"), "check"));
        // an archive older than the jar (the jar was rebuilt without it) is stale: not used
        Files.setLastModifiedTime(archive, FileTime.fromMillis(999_999_000_000L));
        assertEquals(List.of("0", C1 + "-jar\n" + jar + "\ncheck\n"), run(home.resolve("bin/scalestudy"), Map.of(), "check"));
    }

    @Test
    void aLinkToTheLauncherFindsTheCloneAndAMissingJarIsNamed() throws Exception {
        Path home = home();
        Path link = Files.createDirectories(dir.resolve("elsewhere")).resolve("scalestudy");
        Files.createSymbolicLink(link, home.resolve("bin/scalestudy"));
        Path jar = home.resolve("target/scalestudy.jar");
        assertEquals(List.of("0", C1 + "-jar\n" + jar + "\n--version\n"), run(link, Map.of(), "--version"));
        Files.delete(jar);
        assertEquals(List.of("2", "scalestudy: " + jar + " is missing; build it first: (cd '" + home
                + "' && mvn -q package -DskipTests)\n"), run(link, Map.of(), "--version"));
    }

    @Test
    void theRepositorysLauncherIsExecutable() {
        assertTrue(Files.isExecutable(Path.of("bin/scalestudy")), "bin/scalestudy must keep its executable bit");
    }

    /** A run adds only the command it names; help, the top-level options and a misspelt command get them all. */
    @Test
    void aRunRegistersTheCommandItNamesAndHelpListsThemAll() {
        assertEquals(List.of("build"), List.copyOf(Main.commandLine("build").getSubcommands().keySet()));
        List<String> all = List.of("build", "check", "serve", "diff", "changed", "lsp", "init", "help");
        assertEquals(all, List.copyOf(Main.commandLine("").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(Main.commandLine("help").getSubcommands().keySet()));
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.code());
        for (String command : all) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " in:\n" + help.out());
        }
        CliRun buildHelp = CliRun.of("build", "--help");
        assertEquals(0, buildHelp.code());
        assertTrue(buildHelp.out().startsWith("Usage: scalestudy build "), buildHelp.out());
        CliRun misspelt = CliRun.of("biuld");
        assertEquals(Main.USAGE, misspelt.code());
        assertTrue(misspelt.err().contains("build"), "picocli suggests 'build':\n" + misspelt.err());
    }
}
