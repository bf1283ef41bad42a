package org.openbpo.support.domain;

import org.owasp.html.Encoding;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import java.util.regex.Pattern;

/**
 * A customer's HTML as an agent may see it. Mail HTML is hostile input: the policy keeps
 * formatting, blocks, tables and plain links, and drops scripts, event handlers, forms, frames,
 * styles that load things and images (remote images would tell the sender when an agent reads).
 */
public final class HtmlText {

    private static final PolicyFactory SAFE = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.TABLES)
            .and(Sanitizers.LINKS).and(new HtmlPolicyBuilder()
                    .allowElements("a").requireRelsOnLinks("noopener", "noreferrer", "nofollow").toFactory());
    private static final PolicyFactory TEXT_ONLY = new HtmlPolicyBuilder().toFactory();
    private static final Pattern LINE_BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|table)>");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private HtmlText() {
    }

    public static String sanitise(String html) {
        return SAFE.sanitize(html);
    }

    /** The words of the HTML, for the ticket's plain-text description when a message has no text part. */
    public static String toText(String html) {
        String marked = LINE_BREAKS.matcher(html).replaceAll("$0\n");
        String text = Encoding.decodeHtml(TEXT_ONLY.sanitize(marked), false).replace('\u00a0', ' ');
        return BLANK_LINES.matcher(text.replace("\r", "")).replaceAll("\n\n").strip();
    }
}
