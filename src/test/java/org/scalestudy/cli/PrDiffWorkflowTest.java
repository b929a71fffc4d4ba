package org.scalestudy.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The pull-request workflow asks for the permissions docs/commands.md names, runs on pull requests through this
 * repository's action in diff mode; the action finds its comment by the marker its script writes, and its
 * scripts call only commands and options the tool has (so renaming one breaks this test, not the first pull
 * request after it).
 */
class PrDiffWorkflowTest {
    static final Path WORKFLOW = Path.of(".github/workflows/pr-diff.yml");
    static final Path ACTION = Path.of("action.yml");
    static final List<Path> SCRIPTS = List.of(Path.of("action/diff.sh"), Path.of("action/check.sh"),
            Path.of("action/site.sh"));

    @Test
    void permissionsTriggerAndMarker() throws IOException {
        String yml = Files.readString(WORKFLOW);
        assertTrue(yml.contains("\non:\n  pull_request:\n"), yml);
        assertTrue(yml.contains("\npermissions:\n  contents: read\n  pull-requests: write\n"), yml);
        assertTrue(yml.contains("      - uses: ./\n        with:\n          mode: diff\n"), "the action runs it");
        String action = Files.readString(ACTION);
        assertTrue(Files.readString(Path.of("action/diff.sh")).contains("echo \"<!-- scalestudy-diff -->\""),
                "the comment starts with the marker");
        assertTrue(action.contains("const marker = '<!-- scalestudy-diff -->';"), "and is found again by it");
        assertTrue(action.contains("updateComment") && action.contains("createComment"), "one comment, updated");
        assertTrue(Files.readString(Path.of(".github/workflows/pages.yml")).contains("      - uses: ./\n        with:\n"
                + "          mode: site\n"), "pages builds through the action too");
        String readme = Files.readString(Path.of("docs/commands.md"));
        assertTrue(readme.contains("`pull-requests: write`") && readme.contains("`contents: read`"),
                "docs/commands.md names the permissions");
    }

    @Test
    void everyCommandAndOptionItCallsExists() throws IOException {
        StringBuilder scripts = new StringBuilder();
        for (Path script : SCRIPTS) {
            scripts.append(Files.readString(script).replace("\\\n", " "));  // shell line continuations joined
        }
        String yml = scripts.toString();
        CommandLine cli = Main.commandLine("");   // every command
        Matcher call = Pattern.compile("(?:scalestudy|\"\\$\\{tool\\[@]}\") (build|check|diff|changed|serve|init)"
                + "([^\\n]*)").matcher(yml);
        List<String> seen = new ArrayList<>();
        while (call.find()) {
            String command = call.group(1);
            CommandLine sub = cli.getSubcommands().get(command);
            assertTrue(sub != null, "the workflow runs 'scalestudy " + command + "', which does not exist");
            Matcher option = Pattern.compile("(?<=\\s)--[a-z-]+").matcher(call.group(2));
            while (option.find()) {
                assertTrue(sub.getCommandSpec().findOption(option.group()) != null,
                        "'scalestudy " + command + "' has no option " + option.group());
                seen.add(command + " " + option.group());
            }
        }
        // diff's --fail-on rules are collected in an array before the call
        Matcher rule = Pattern.compile("rules\\+=\\((--[a-z-]+)").matcher(yml);
        while (rule.find()) {
            assertTrue(cli.getSubcommands().get("diff").getCommandSpec().findOption(rule.group(1)) != null,
                    "'scalestudy diff' has no option " + rule.group(1));
            seen.add("diff " + rule.group(1));
        }
        assertTrue(seen.contains("diff --fail-on-mre-increase"), seen.toString());
        assertTrue(seen.contains("build --out"), seen.toString());
        assertTrue(seen.contains("check --format"), seen.toString());
    }
}
