package org.scalestudy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A study's prose is CommonMark; nothing in it reaches the page as markup the study did not ask for in Markdown. */
class MarkdownTest {

    @Test
    void paragraphsListsLinksEmphasisCodeAndTablesRender() {
        String html = Markdown.html("First *claim*, see [the paper](https://arxiv.org/abs/2512.08894).\n\n"
                + "- one\n- `two`\n\n| law | MRE |\n|---|---|\n| direct | 3.1% |\n");
        assertEquals("<p>First <em>claim</em>, see <a rel=\"nofollow\" href=\"https://arxiv.org/abs/2512.08894\">the paper</a>.</p>\n"
                + "<ul>\n<li>one</li>\n<li><code>two</code></li>\n</ul>\n"
                + "<table>\n<thead>\n<tr>\n<th>law</th>\n<th>MRE</th>\n</tr>\n</thead>\n"
                + "<tbody>\n<tr>\n<td>direct</td>\n<td>3.1%</td>\n</tr>\n</tbody>\n</table>\n", html);
    }

    @Test
    void rawHtmlIsEscapedNotPassedThrough() {
        String html = Markdown.html("<script>alert(1)</script>\n\nInline <img src=x onerror=alert(2)> too.");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"), html);
    }

    @Test
    void javascriptAndDataLinksLoseTheLinkButKeepTheirText() {
        String html = Markdown.html("[click](javascript:alert(1)) [JS](JavaScript:alert(1)) [d](data:text/html,x)"
                + " [ok](#top) [rel](fits/a.html) [mail](mailto:a@b.c) ![pic](https://x/y.png) <javascript:alert(3)>");
        // the words stay as text; no href, src or other attribute carries a javascript: or data: URL
        assertFalse(html.contains("<img"), "no image is loaded from where a study says: " + html);
        assertEquals("<p>click JS d <a rel=\"nofollow\" href=\"#top\">ok</a> <a rel=\"nofollow\" href=\"fits/a.html\">rel</a>"
                + " <a rel=\"nofollow\" href=\"mailto:a@b.c\">mail</a> pic javascript:alert(3)</p>\n", html);
    }

    @Test
    void plainTextForMetaTagsDropsTheMarkup() {
        assertEquals("A claim: 3.1% of runs. - one - two", Markdown.plain("A *claim*: **3.1%** of runs.\n\n- one\n- two"));
        assertEquals("", Markdown.plain("  "));
    }
}
