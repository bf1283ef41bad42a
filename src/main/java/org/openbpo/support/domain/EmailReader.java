package org.openbpo.support.domain;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw RFC 5322 mail leniently, as mail in the wild requires, and says plainly when it
 * cannot: a message is either {@link Readable} or {@link Unreadable} with the reason, never an
 * exception for the poller to choke on.
 */
public final class EmailReader {

    public sealed interface Reading permits Readable, Unreadable {
    }

    public record Readable(InboundEmail email) implements Reading {
    }

    public record Unreadable(String reason) implements Reading {
    }

    /** The header our own mail carries, so that our mail coming back to us is recognised as a loop. */
    public static final String LOOP_HEADER = "X-OpenBPO-Loop";

    private static final Session SESSION = Session.getInstance(lenient());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,900}>");
    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "auto_reply", "junk");
    private static final List<String> AUTOREPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoreply-From",
            "X-Mail-Autoreply");
    private static final int MAX_PARTS = 500;
    private static final int MAX_DEPTH = 20;

    private EmailReader() {
    }

    /** The headers that identify a message, read without parsing its body. */
    public static Envelope envelope(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String subject = headers.getHeader("Subject", null);
            return new Envelope(firstId(headers.getHeader("Message-ID", null)), sender(headers.getHeader("From", ",")),
                    subject == null ? null : Envelope.printable(decode(subject), 300));
        } catch (MessagingException | RuntimeException e) {
            return new Envelope(null, null, null);
        }
    }

    public static Reading read(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String sender = sender(message.getHeader("From", ","));
            if (sender == null) {
                return new Unreadable("No sender: the From header is missing or is not an email address.");
            }
            Body body = new Body();
            walk(message, body, 0);
            String text = body.text.isEmpty() && body.html != null ? HtmlText.toText(body.html) : body.text.toString();
            String subject = message.getHeader("Subject", null);
            return new Readable(new InboundEmail(firstId(message.getHeader("Message-ID", null)),
                    ids(message.getHeader("In-Reply-To", " ")), ids(message.getHeader("References", " ")), sender,
                    senderName(message.getHeader("From", ",")),
                    subject == null ? "" : Envelope.printable(decode(subject), 300), text,
                    body.html == null ? null : HtmlText.sanitise(body.html), body.attachments,
                    automatic(message, sender), message.getHeader(LOOP_HEADER, null), body.notes, sentAt(message)));
        } catch (MessagingException e) {
            return new Unreadable("Malformed MIME: " + e.getMessage());
        } catch (IOException e) {
            return new Unreadable("Unreadable content: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Unreadable("Malformed message: " + e);
        }
    }

    /** The Date header's moment; null when it has none or it cannot be read. */
    private static @Nullable Instant sentAt(MimeMessage message) {
        try {
            java.util.Date sent = message.getSentDate();
            return sent == null ? null : sent.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static final class Body {
        final StringBuilder text = new StringBuilder();
        @Nullable String html;
        final List<EmailAttachment> attachments = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int parts;
    }

    private static void walk(Part part, Body body, int depth) throws MessagingException, IOException {
        if (++body.parts > MAX_PARTS || depth > MAX_DEPTH) {
            throw new MessagingException("more than " + MAX_PARTS + " parts or " + MAX_DEPTH + " levels of nesting");
        }
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart multipart)) {
                throw new MessagingException("a multipart without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, body, depth + 1);
            }
            return;
        }
        String filename = filename(part, body);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        if (!attached && part.isMimeType("text/plain")) {
            if (!body.text.isEmpty()) {
                body.text.append("\n");
            }
            body.text.append(text(part, body));
        } else if (!attached && part.isMimeType("text/html") && body.html == null) {
            body.html = text(part, body);
        } else {
            String name = filename != null ? filename : part.isMimeType("message/rfc822") ? "forwarded-message.eml" : "attachment";
            try {
                byte[] content = part.getInputStream().readAllBytes();
                body.attachments.add(new EmailAttachment(name, baseType(part), content));
            } catch (IOException e) {
                body.notes.add("The attachment '" + name + "' could not be decoded (" + e.getMessage() + ") and was left out.");
            }
        }
    }

    private static String text(Part part, Body body) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            return content instanceof String text ? text : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            String charset = charset(part);
            body.notes.add("Unknown character set '" + charset + "'; the text was read as UTF-8 and may show odd characters.");
            return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static @Nullable String filename(Part part, Body body) {
        try {
            String name = part.getFileName();
            return name == null ? null : safeName(name);
        } catch (MessagingException | RuntimeException e) {
            body.notes.add("An attachment's name could not be read.");
            return "attachment";
        }
    }

    /** No paths, no control characters, no names that would hide their real extension. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\u202a-\\u202e\\u2066-\\u2069<>:\"|?*]", "_").strip();
        if (base.isEmpty() || base.matches("\\.+")) {
            return "attachment";
        }
        return base.length() <= 200 ? base : base.substring(base.length() - 200);
    }

    private static String baseType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static String charset(Part part) {
        try {
            return String.valueOf(new ContentType(part.getContentType()).getParameter("charset"));
        } catch (MessagingException | RuntimeException e) {
            return "?";
        }
    }

    /** Why a machine wrote this message (RFC 3834, the older vendor headers, bounces), or null. */
    private static @Nullable String automatic(MimeMessage message, String sender) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence.strip();
        }
        for (String header : AUTOREPLY_HEADERS) {
            String value = message.getHeader(header, null);
            if (value != null) {
                return header + ": " + value.strip();
            }
        }
        if (message.isMimeType("multipart/report")) {
            return "a delivery status report (multipart/report)";
        }
        String returnPath = message.getHeader("Return-Path", null);
        String local = sender.substring(0, sender.indexOf('@'));
        if (returnPath != null && returnPath.strip().equals("<>") || local.equals("mailer-daemon") || local.equals("postmaster")) {
            return "a bounce from " + sender;
        }
        return null;
    }

    private static @Nullable String sender(@Nullable String from) {
        InternetAddress address = firstAddress(from);
        if (address == null || address.getAddress() == null || !address.getAddress().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            return null;
        }
        return address.getAddress().toLowerCase(Locale.ROOT);
    }

    private static @Nullable String senderName(@Nullable String from) {
        InternetAddress address = firstAddress(from);
        return address == null || address.getPersonal() == null ? null : Envelope.printable(address.getPersonal(), 120);
    }

    private static @Nullable InternetAddress firstAddress(@Nullable String from) {
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            return addresses.length == 0 ? null : addresses[0];
        } catch (AddressException e) {
            return null;
        }
    }

    private static @Nullable String firstId(@Nullable String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }

    private static List<String> ids(@Nullable String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find() && ids.size() < 100) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    private static String decode(String header) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return header;
        }
    }

    private static Properties lenient() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        return properties;
    }
}
