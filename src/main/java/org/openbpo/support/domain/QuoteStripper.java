package org.openbpo.support.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a reply repeats of earlier mail — the "On … wrote:" line and everything after it,
 * Outlook's header block, trailing "&gt;" quotes — and the sender's signature, so a ticket shows
 * what the customer said this time. When nothing would be left, the text is kept whole.
 */
public final class QuoteStripper {

    private static final List<Pattern> CUT_FROM_HERE = List.of(
            Pattern.compile("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\\s*-{2,}.*",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("^_{20,}\\s*$"),
            Pattern.compile("^-- $"),
            Pattern.compile("^Sent from my \\w+.*$", Pattern.CASE_INSENSITIVE));
    /** Attribution lines of the common mail programs, in a few languages; they may wrap onto a second line. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On|Le|Am|El|Il|Op|Em)\\s.{0,300}(wrote|a écrit|schrieb|escribió|ha scritto|schreef|escreveu)\\s?:\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(From|Von|De|Van):\\*?\\s.+", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_NEXT = Pattern.compile("^\\*?(Sent|Date|Gesendet|Envoyé|To|An|À):\\*?\\s.*", Pattern.CASE_INSENSITIVE);

    private QuoteStripper() {
    }

    public static String strip(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int end = lines.length;
        for (int i = 0; i < lines.length && end == lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (CUT_FROM_HERE.stream().anyMatch(p -> p.matcher(line).matches())
                    || ATTRIBUTION.matcher(stripped).matches()
                    || i + 1 < lines.length && ATTRIBUTION.matcher(stripped + " " + lines[i + 1].strip()).matches()
                    && stripped.matches("(?i)^(On|Le|Am|El|Il|Op|Em)\\s.*")
                    || OUTLOOK_FROM.matcher(stripped).matches() && i + 1 < lines.length
                    && OUTLOOK_NEXT.matcher(lines[i + 1].strip()).matches()) {
                end = i;
            }
        }
        List<String> kept = new ArrayList<>(List.of(lines).subList(0, end));
        while (!kept.isEmpty() && (kept.getLast().isBlank() || kept.getLast().stripLeading().startsWith(">"))) {
            kept.removeLast();
        }
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text.strip() : result;
    }
}
