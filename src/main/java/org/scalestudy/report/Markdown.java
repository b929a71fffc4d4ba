package org.scalestudy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * A study's prose (its description, narrative file and notes) from CommonMark (with GitHub's tables) to HTML
 * that cannot carry anything from the study unescaped: raw HTML is escaped as text, and a link or image whose
 * destination is not http(s), mailto, an anchor or a relative path (e.g. {@code javascript:}, {@code data:})
 * keeps its text but loses the link; an image becomes its alt text (a page loads nothing a study points at).
 * Links get {@code rel="nofollow"}. The same text always gives the same HTML.
 */
final class Markdown {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).softbreak("\n").build();
    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    private Markdown() {
    }

    /** The HTML of {@code markdown}; "" for null or blank text. */
    static String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return HTML.render(parse(markdown, true));
    }

    /** The text without markup, on one line, for a {@code <meta name="description">} or the index page. */
    static String plain(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        return PLAIN.render(parse(markdown, false)).replaceAll("\\s+", " ").trim();
    }

    /** @param keepSafeLinks false: every link becomes its text (plain text names no URLs) */
    private static Node parse(String markdown, boolean keepSafeLinks) {
        Node document = PARSER.parse(markdown);
        List<Node> unsafe = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (!keepSafeLinks || !safe(link.getDestination())) {
                    unsafe.add(link);
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                unsafe.add(image);  // a page loads no image a study names: nothing is fetched from elsewhere
            }
        });
        for (Node node : unsafe) {
            unlink(node);
        }
        return document;
    }

    /** Replaces a link or image by its text (an image's alt text): the words stay, the destination goes. */
    private static void unlink(Node node) {
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.unlink();
    }

    /** http, https, mailto, a page anchor or a relative path; nothing else (javascript:, data:, vbscript:, …). */
    static boolean safe(String destination) {
        String d = destination.strip().toLowerCase(Locale.ROOT);
        int colon = d.indexOf(':');
        int boundary = d.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = d.indexOf(c);
            if (at >= 0) {
                boundary = Math.min(boundary, at);
            }
        }
        if (colon < 0 || colon > boundary) {
            return !d.startsWith("//");  // relative (a protocol-relative //host would leave the site)
        }
        String scheme = d.substring(0, colon);
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("mailto");
    }
}
