package org.scalestudy.report;

import org.scalestudy.results.FitOutcome;
import org.scalestudy.results.StudyResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where each file of the site goes, and the checks that keep those names safe:
 *
 * <pre>
 * index.html                 the list of studies
 * assets/                    vega.min.js, vega-lite.min.js, vega-embed.min.js, style.css, site.js
 * &lt;slug&gt;/index.html          a study's page
 * &lt;slug&gt;/results.json        the study's results (see README.md (section results.json))
 * &lt;slug&gt;/&lt;name&gt;.study        the study's source, for download
 * &lt;slug&gt;/data.csv, data.json, parameters.csv, parameters.json, predictions.csv, predictions.json
 *                            the study's tables, for download (see {@link Downloads})
 * &lt;slug&gt;/fits/&lt;fit&gt;.html     a fit's page: its charts, tables and optimisation facts
 * &lt;slug&gt;/fits/&lt;fit&gt;.json     the fit as {@code results.json} holds it, for download
 * &lt;slug&gt;/fits/&lt;fit&gt;.csv      the fit's runs and targets with their predictions, for download
 * </pre>
 *
 * <p>A fit's name {@code <fit>} is {@link #fitNames derived} from its law, dataset and group.
 */
final class SiteLayout {

    static final String INDEX = "index.html";
    static final String ASSETS = "assets";
    static final String RESULTS = "results.json";
    static final List<String> SCRIPTS = List.of("vega.min.js", "vega-lite.min.js", "vega-embed.min.js");
    static final String STYLE = "style.css";
    /** The site's own script: sortable tables and chart embedding (from {@code templates/}). */
    static final String SCRIPT = "site.js";
    /** The folder, inside a study's folder, of the fits' pages and downloads. */
    static final String FITS = "fits";
    /** The longest a fit's name may be before its numeric suffix; file systems allow 255 bytes. */
    static final int FIT_NAME_LENGTH = 120;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> RESERVED_SLUGS = Set.of(INDEX, ASSETS, ResultsJson.SCHEMA_FILE);
    private static final Set<String> RESERVED_IN_STUDY = reservedInStudy();

    private static Set<String> reservedInStudy() {
        Set<String> names = new HashSet<>(Set.of(INDEX, RESULTS));
        for (String name : Downloads.NAMES) {
            names.add(csvFile(name));
            names.add(jsonFile(name));
        }
        return Set.copyOf(names);
    }

    /** The CSV download of table {@code name}. */
    static String csvFile(String name) {
        return name + ".csv";
    }

    /** The JSON download of table {@code name}. */
    static String jsonFile(String name) {
        return name + ".json";
    }

    /** A fit's page, relative to its study's folder. */
    static String fitPage(String fitName) {
        return FITS + "/" + fitName + ".html";
    }

    /** A fit's JSON download (the fit as results.json holds it), relative to the fits folder. */
    static String fitJson(String fitName) {
        return fitName + ".json";
    }

    /** A fit's CSV download (its runs and targets with predictions), relative to the fits folder. */
    static String fitCsv(String fitName) {
        return fitName + ".csv";
    }

    private SiteLayout() {
    }

    /**
     * The file name (without extension) of each fit's page and downloads, in fit order:
     * {@code <law>--<dataset>} and, for a grouped fit, {@code --<group>}, each part lower-cased with every run of
     * characters other than {@code a-z 0-9 _} replaced by one {@code -} (so a part never holds {@code --}, and
     * the parts can be read back), trimmed of {@code -} (an empty part becomes {@code _}), the whole cut to
     * {@value #FIT_NAME_LENGTH} characters. The group {@code dataset=c4_original, task=arc_easy} of law
     * {@code direct} on data {@code evals} gives {@code direct--evals--dataset-c4_original-task-arc_easy}.
     * Two fits whose names would be equal (fits of one law, dataset and group under two fit statements, or
     * groups that differ only in case or punctuation) are told apart by a suffix {@code -2}, {@code -3}, ...
     * on the later ones, in fit order; so the same study always gives the same names, and each is unique
     * ignoring case (for case-insensitive file systems). Names hold only {@code a-z 0-9 _ -}: safe in a URL and
     * an HTML attribute, on any file system, with no escaping.
     */
    static List<String> fitNames(List<FitOutcome> fits) {
        Set<String> used = new HashSet<>();
        List<String> names = new ArrayList<>(fits.size());
        for (FitOutcome f : fits) {
            String base = namePart(f.law()) + "--" + namePart(f.dataset());
            if (f.group() != null && !f.group().isEmpty()) {
                base += "--" + namePart(f.group());
            }
            if (base.length() > FIT_NAME_LENGTH) {
                base = base.substring(0, FIT_NAME_LENGTH);
            }
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                name = base + "-" + n;
            }
            names.add(name);
        }
        return names;
    }

    private static String namePart(String text) {
        String s = (text == null ? "" : text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "_" : s;
    }

    /**
     * Checks that every slug can name a folder on any OS and that no two studies share one (ignoring case,
     * for case-insensitive file systems).
     *
     * @throws IllegalArgumentException naming the first offending study
     */
    static void checkSlugs(List<StudyResult> studies) {
        Set<String> seen = new HashSet<>();
        for (StudyResult s : studies) {
            String slug = s.slug();
            if (slug == null || !SAFE_NAME.matcher(slug).matches() || slug.length() > 100) {
                throw new IllegalArgumentException("study " + quote(s.sourceFile()) + " has slug " + quote(slug)
                        + "; a slug must be 1-100 characters of A-Z a-z 0-9 . _ - and start with a letter or digit");
            }
            if (RESERVED_SLUGS.contains(slug.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("study " + quote(s.sourceFile()) + " has slug " + quote(slug)
                        + ", which the site itself uses; rename the study file");
            }
            if (!seen.add(slug.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("two studies have the slug " + quote(slug)
                        + " (second: " + quote(s.sourceFile()) + "); study file names must differ");
            }
        }
    }

    /**
     * The file name the study's source is published under, beside its page: the last segment of
     * {@code sourceFile} when that is a safe name not used by the page itself, else {@code <slug>.study}.
     */
    static String sourceFileName(StudyResult s) {
        String file = s.sourceFile() == null ? "" : s.sourceFile();
        String last = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        if (SAFE_NAME.matcher(last).matches() && !RESERVED_IN_STUDY.contains(last.toLowerCase(Locale.ROOT))) {
            return last;
        }
        return s.slug() + ".study";
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
