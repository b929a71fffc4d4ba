package org.scalestudy.data.readers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.scalestudy.data.CsvReader;
import org.scalestudy.data.DataError;
import org.scalestudy.data.DataSandbox;

/**
 * The run files of a {@link TrainingLogReader} folder and what is known of each before it is read: found by
 * a file-name pattern (its placeholders become attributes, the parameter count comes from option
 * {@code params}) or listed by a manifest in the OLMo ladder's format (label, mode and parameter count).
 */
final class RunFiles {
    private RunFiles() {
    }

    /** A run file and what is known of it before it is read. */
    record RunFile(Path file, Map<String, Object> values, Map<String, CellSource> sources) { }

    /** "190M: 190354176, 370M: 371262464" as size -> count. */
    static Map<String, Double> sizes(String text) throws OptionError {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            int colon = item.indexOf(':');
            Double n = colon < 0 ? null : CsvReader.number(item.substring(colon + 1).strip());
            String size = colon < 0 ? "" : item.substring(0, colon).strip();
            if (n == null || size.isEmpty() || !(n > 0) || Double.isInfinite(n)) {
                throw new OptionError("params", "option 'params' is a table of sizes and parameter counts, e.g. "
                        + "\"190M: 190354176, 370M: 371262464\"; cannot read '" + item.strip() + "'");
            }
            if (out.put(size, n) != null) {
                throw new OptionError("params", "option 'params' gives size '" + size + "' twice");
            }
        }
        return out;
    }

    static List<RunFile> fromPattern(Path folder, DataSandbox inFolder, NamePattern files,
                                             Map<String, Double> sizes, LeftOut noSize) throws DataError {
        List<RunFile> runs = new ArrayList<>();
        for (Path file : list(folder)) {
            Map<String, String> attributes = files.match(file.getFileName().toString());
            if (attributes == null) {
                continue;
            }
            Path allowed = inFolder.require(file);
            Map<String, Object> values = new LinkedHashMap<>();
            Map<String, CellSource> sources = new LinkedHashMap<>();
            attributes(allowed, attributes, values, sources);
            CellSource nameAt = new CellSource(allowed, 0, 0, file.getFileName().toString());
            Double n = sizes.get(attributes.get("size"));
            if (n == null) {
                noSize.add(nameAt);
                continue;
            }
            values.put("params", n);
            sources.put("params", new CellSource(allowed, 0, 0, TableBuilder.shortest(n)));
            runs.add(new RunFile(allowed, values, sources));
        }
        return runs;
    }

    static void attributes(Path file, Map<String, String> attributes, Map<String, Object> values,
                                   Map<String, CellSource> sources) {
        for (Map.Entry<String, String> a : attributes.entrySet()) {
            Double number = CsvReader.number(a.getValue());
            values.put(a.getKey(), number != null && Double.isFinite(number) ? number : a.getValue());
            sources.put(a.getKey(), new CellSource(file, 0, 0, a.getValue()));
        }
    }

    static List<RunFile> fromManifest(Path manifestFile, Path folder, DataSandbox inFolder, NamePattern files,
                                              List<Path> inputs) throws DataError {
        inputs.add(manifestFile);
        JsonFile manifest = JsonFile.parse(manifestFile, TextFiles.read(manifestFile), 1);
        if (!manifest.root().isObject()) {
            throw new DataError(manifestFile, 1, 1, "expected a JSON object of entries, each with paths and n");
        }
        List<RunFile> runs = new ArrayList<>();
        LinkedHashSet<Path> seen = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = manifest.root().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String pointer = "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
            JsonNode paths = entry.getValue().path("paths");
            CellSource nAt = manifest.source(pointer + "/n");
            Object n = JsonFile.value(entry.getValue().get("n"));
            if (!paths.isArray() || !(n instanceof Double)) {
                throw new DataError(manifestFile, nAt.line(), nAt.column(), "entry '" + entry.getKey()
                        + "' needs paths (a list of run files) and n (its parameter count, a number)");
            }
            for (int i = 0; i < paths.size(); i++) {
                CellSource pathAt = manifest.source(pointer + "/paths/" + i);
                String written = paths.get(i).asText("");
                String name = written.substring(written.lastIndexOf('/') + 1);
                Path file = folder.resolve(name);
                if (name.isEmpty() || !Files.isRegularFile(file)) {
                    throw new DataError(manifestFile, pathAt.line(), pathAt.column(), "no run file '" + name
                            + "' in the folder " + folder.getFileName() + "/ (the last part of each path names a file"
                            + " there)");
                }
                Path allowed = inFolder.require(file);
                if (!seen.add(allowed)) {
                    throw new DataError(manifestFile, pathAt.line(), pathAt.column(), "the run file '" + name
                            + "' is listed twice");
                }
                Map<String, Object> values = new LinkedHashMap<>();
                Map<String, CellSource> sources = new LinkedHashMap<>();
                values.put("label", entry.getKey());
                sources.put("label", new CellSource(manifestFile, pathAt.line(), pathAt.column(), entry.getKey()));
                CellSource modeAt = manifest.source(pointer + "/mode");
                values.put("mode", JsonFile.value(entry.getValue().get("mode")));
                sources.put("mode", modeAt);
                Map<String, String> attributes = files == null ? null : files.match(name);
                if (attributes != null) {
                    attributes(allowed, attributes, values, sources);
                } else if (files != null) {
                    for (String placeholder : files.names()) {
                        values.put(placeholder, null);
                        sources.put(placeholder, new CellSource(allowed, 0, 0, null));
                    }
                }
                values.put("params", n);
                sources.put("params", nAt);
                runs.add(new RunFile(allowed, values, sources));
            }
        }
        return runs;
    }

    static Path manifest(DataSandbox.Resolved resolved, String written) throws OptionError {
        if (resolved instanceof DataSandbox.Refused refused) {
            throw new OptionError("manifest", "refusing to read manifest '" + written + "': " + refused.reason());
        }
        return ((DataSandbox.Allowed) resolved).file();
    }

    static List<Path> list(Path dir) throws DataError {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DataError(dir, 0, 0, "cannot list this folder (" + e.getMessage() + ")");
        }
    }
}
