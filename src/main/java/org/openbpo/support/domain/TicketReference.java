package org.openbpo.support.domain;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ticket number we put in every subject, "[WI-123]", so that a reply finds its ticket when its headers do not. */
public final class TicketReference {

    private static final Pattern REFERENCE = Pattern.compile("\\[WI-(\\d{1,18})]");

    private TicketReference() {
    }

    public static OptionalLong in(String subject) {
        Matcher matcher = REFERENCE.matcher(subject);
        return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
    }

    /** The subject of our reply: "Re: " once, and the reference once. */
    public static String replySubject(String title, long itemId) {
        String subject = title.strip();
        while (subject.regionMatches(true, 0, "re:", 0, 3)) {
            subject = subject.substring(3).strip();
        }
        String tag = "[WI-" + itemId + "]";
        return "Re: " + (subject.contains(tag) ? subject : subject + " " + tag);
    }
}
