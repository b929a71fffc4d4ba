package org.scalestudy.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.scalestudy.lang.DiagnosticException;
import org.scalestudy.lang.TextInput;
import org.scalestudy.report.ResultsJson;
import org.scalestudy.results.StudyResult;
import org.scalestudy.run.FitCache;
import org.scalestudy.run.Pipeline;
import org.scalestudy.run.Progress;
import org.scalestudy.run.StudyFiles;

/**
 * A build to compare, as a map from study slug to its {@code results.json} tree: read from a
 * {@code results.json} file, from a site folder (its {@code <slug>/results.json} files), or made by building
 * study files (their results as {@code build} would write them).
 */
public final class Builds {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Builds() {
    }

    /** A {@code results.json} file, a site folder (an empty folder: no studies), or a study file on disk. */
    public static SortedMap<String, JsonNode> load(Path path) throws IOException, DiagnosticException {
        return load(path, null);
    }

    /** As above, a study file built with fits from {@code cache} (null: none). */
    public static SortedMap<String, JsonNode> load(Path path, FitCache cache) throws IOException, DiagnosticException {
        if (Files.isRegularFile(path) && path.toString().endsWith(".study")) {
            return build(List.of(path), cache);
        }
        if (Files.isRegularFile(path)) {
            return single(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IOException("no such file or folder: " + path);
        }
        if (Files.isRegularFile(path.resolve("results.json"))) {
            return single(path.resolve("results.json"));
        }
        SortedMap<String, JsonNode> out = new TreeMap<>();
        try (Stream<Path> children = Files.list(path)) {
            for (Path child : children.sorted().toList()) {
                Path results = child.resolve("results.json");
                if (Files.isRegularFile(results)) {
                    out.put(child.getFileName().toString(), read(results));
                }
            }
        }
        if (out.isEmpty()) {
            try (Stream<Path> children = Files.list(path)) {
                if (children.findAny().isEmpty()) {
                    return out;  // an empty folder is a build of no studies (a pull request's base before any)
                }
            }
            throw new IOException(path + " holds no results.json (looked in it and in each folder inside it)");
        }
        return out;
    }

    /** Checks, fits and serialises the studies, writing nothing. */
    public static SortedMap<String, JsonNode> build(List<Path> studies) throws IOException, DiagnosticException {
        return build(studies, null);
    }

    /**
     * As above, taking fits from {@code cache} and storing new ones in it (null: no cache). The cache key is the
     * fit's inputs, not the study's path, so a study copied out of a git revision reuses the fits of its
     * working-tree twin.
     */
    public static SortedMap<String, JsonNode> build(List<Path> studies, FitCache cache)
            throws IOException, DiagnosticException {
        Pipeline.Checked checked = Pipeline.check(StudyFiles.find(studies));
        SortedMap<String, JsonNode> out = new TreeMap<>();
        for (StudyResult result : Pipeline.run(checked, cache, Progress.NONE).results()) {
            out.put(result.slug(), JSON.readTree(ResultsJson.write(result)));
        }
        return out;
    }

    private static SortedMap<String, JsonNode> single(Path file) throws IOException {
        JsonNode tree = read(file);
        String slug = tree.path("slug").asText("");
        if (slug.isEmpty()) {
            Path parent = file.toAbsolutePath().getParent();
            slug = parent == null ? file.toString() : parent.getFileName().toString();
        }
        SortedMap<String, JsonNode> out = new TreeMap<>();
        out.put(slug, tree);
        return out;
    }

    private static JsonNode read(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = JSON.readTree(TextInput.decode(Files.readAllBytes(file)));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject() || !tree.has("fits")) {
            throw new IOException(file + " is not a scalestudy results.json (no \"fits\")");
        }
        ResultsCheck.check(tree, file);
        return tree;
    }
}
