package org.scalestudy.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the FreeMarker templates in {@code templates/} (on the classpath under
 * {@value #TEMPLATES}). The configuration is fixed so that output depends only on the model:
 * incompatible_improvements 2.3.33, HTML auto-escaping on ({@code .ftlh} and
 * {@link HTMLOutputFormat} as default), {@link Locale#ROOT}, UTC, the "computer" number format, and
 * errors rethrown rather than printed into the page. Templates get the variable {@code page}, and
 * the study page {@code skipped} too ({@link SkippedViews}).
 */
final class PageRenderer {

    static final String TEMPLATES = "/org/scalestudy/report/templates";

    private final Configuration config;

    PageRenderer() {
        this.config = Shared.CONFIG;
    }

    /** The one configuration every renderer reads (FreeMarker's is safe to share once set up), made on first use. */
    private static final class Shared {
        static final Configuration CONFIG = configuration();
    }

    /** Every template under templates/, so {@link #prepare} parses them all (checked against the folder by a test). */
    static final java.util.List<String> TEMPLATE_NAMES = java.util.List.of("decisions.ftlh", "fit.ftlh", "index.ftlh",
            "layout.ftlh", "skipped.ftlh", "study.ftlh");

    /**
     * Makes the shared configuration and parses every template into its cache, so the first page renders without
     * waiting for them ({@link ReportWarmUp}).
     *
     * @throws IOException when a template is missing or does not parse (rendering would fail on it too)
     */
    static void prepare() throws IOException {
        for (String name : TEMPLATE_NAMES) {
            Shared.CONFIG.getTemplate(name);
        }
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_33);
        c.setTemplateLoader(new ClassTemplateLoader(PageRenderer.class, TEMPLATES));
        c.setDefaultEncoding("UTF-8");
        c.setOutputEncoding("UTF-8");
        c.setOutputFormat(HTMLOutputFormat.INSTANCE);
        c.setRecognizeStandardFileExtensions(true);
        c.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        return c;
    }

    /**
     * Renders {@code template} with {@code page} bound to {@code model}.
     *
     * @throws IllegalStateException when the template is missing or fails: a bug in scalestudy, not in the study
     */
    String render(String template, Object model) {
        return render(template, Map.of("page", model));
    }

    /** Renders {@code template} with these variables. */
    String render(String template, Map<String, Object> variables) {
        try {
            Template t = config.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(variables, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render template " + template + ": " + e.getMessage(), e);
        }
    }

    /** The bytes of a non-template file kept beside the templates (e.g. {@code style.css}). */
    static byte[] staticFile(String name) {
        String path = TEMPLATES + "/" + name;
        try (InputStream in = PageRenderer.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath; "
                        + "run mvn process-resources (it copies templates/ there)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
