package org.openbpo.payables.domain;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vendor's mail to a client's AP mailbox, read leniently as mail in the wild requires: who sent
 * it, whether a machine did (auto-replies, bounces, our own mail coming back), and the files it
 * carries, each sorted into an e-invoice, a credit note, a PDF for an agent to key in, or another
 * file. A message that cannot be read says why instead of throwing.
 */
public final class InvoiceMail {

    /** The headers that identify a message, read without its body. */
    public record Envelope(@Nullable String messageId, @Nullable String sender, @Nullable String subject) {

        /** The Message-ID, or a SHA-256 of the raw bytes for the rare message without one. */
        public String key(byte[] raw) {
            if (messageId != null) {
                return messageId;
            }
            try {
                return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public enum Kind { UBL_INVOICE, UBL_CREDIT_NOTE, PDF, OTHER }

    /** One file of the message. */
    public record Document(String filename, String contentType, byte[] content, Kind kind) {
    }

    public sealed interface Reading permits Readable, Unreadable {
    }

    /** {@code automatic} says why a machine wrote it (null for a person); {@code notes} what could not be read. */
    public record Readable(String sender, @Nullable String automatic, @Nullable String loop, List<Document> documents,
                           List<String> notes) implements Reading {
    }

    public record Unreadable(String reason) implements Reading {
    }

    /** The header OpenBPO's own mail carries, so that our mail coming back is recognised as a loop. */
    public static final String LOOP_HEADER = "X-OpenBPO-Loop";

    private static final Session SESSION = Session.getInstance(lenient());
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s\\p{Cntrl}]{1,900}>");
    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("bulk", "auto_reply", "junk", "list");
    private static final List<String> AUTOREPLY_HEADERS = List.of("X-Autoreply", "X-Autorespond", "X-Autoreply-From",
            "X-Mail-Autoreply");
    private static final int MAX_PARTS = 200;
    private static final int MAX_DEPTH = 10;
    private static final String UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private static final String UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    private InvoiceMail() {
    }

    public static Envelope envelope(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String subject = headers.getHeader("Subject", null);
            return new Envelope(firstId(headers.getHeader("Message-ID", null)), sender(headers.getHeader("From", ",")),
                    subject == null ? null : printable(decode(subject), 300));
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
            List<Document> documents = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            walk(message, documents, notes, new int[1], 0);
            return new Readable(sender, automatic(message, sender), message.getHeader(LOOP_HEADER, null), documents, notes);
        } catch (MessagingException e) {
            return new Unreadable("Malformed MIME: " + e.getMessage());
        } catch (IOException e) {
            return new Unreadable("Unreadable content: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Unreadable("Malformed message: " + e);
        }
    }

    private static void walk(Part part, List<Document> documents, List<String> notes, int[] parts, int depth)
            throws MessagingException, IOException {
        if (++parts[0] > MAX_PARTS || depth > MAX_DEPTH) {
            throw new MessagingException("more than " + MAX_PARTS + " parts or " + MAX_DEPTH + " levels of nesting");
        }
        if (part.isMimeType("multipart/*")) {
            if (!(part.getContent() instanceof Multipart multipart)) {
                throw new MessagingException("a multipart without parts");
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, documents, notes, parts, depth + 1);
            }
            return;
        }
        String filename = filename(part, notes);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || filename != null;
        if (!attached && (part.isMimeType("text/plain") || part.isMimeType("text/html"))) {
            return; // the covering note; what counts is the invoice attached
        }
        String type = baseType(part);
        String name = filename != null ? filename : part.isMimeType("message/rfc822") ? "forwarded-message.eml" : "attachment";
        try {
            byte[] content = part.getInputStream().readAllBytes();
            documents.add(new Document(name, type, content, kind(name, type, content)));
        } catch (IOException e) {
            notes.add("The attachment '" + name + "' could not be decoded (" + e.getMessage() + ") and was left out.");
        }
    }

    /** What a file is, by its content first: a name or a type alone can lie. */
    static Kind kind(String filename, String type, byte[] content) {
        if (content.length >= 5 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F' && content[4] == '-') {
            return Kind.PDF;
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".xml") || type.endsWith("/xml") || type.endsWith("+xml")) {
            String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
            if (head.contains(UBL_INVOICE)) {
                return Kind.UBL_INVOICE;
            }
            if (head.contains(UBL_CREDIT_NOTE)) {
                return Kind.UBL_CREDIT_NOTE;
            }
        }
        return Kind.OTHER;
    }

    private static @Nullable String filename(Part part, List<String> notes) {
        try {
            String name = part.getFileName();
            return name == null ? null : safeName(name);
        } catch (MessagingException | RuntimeException e) {
            notes.add("An attachment's name could not be read.");
            return "attachment";
        }
    }

    /** No paths, no control characters, no names that would hide their real extension. */
    public static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\u202a-\\u202e\\u2066-\\u2069<>:\"|?*]", "_").strip();
        if (base.isEmpty() || base.matches("\\.+")) {
            return "attachment";
        }
        return base.length() <= 200 ? base : base.substring(base.length() - 200);
    }

    private static String baseType(Part part) {
        try {
            String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
            return type.matches("[a-z0-9!#$&^_.+-]{1,127}/[a-z0-9!#$&^_.+-]{1,127}") ? type : "application/octet-stream";
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
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
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            if (addresses.length == 0 || addresses[0].getAddress() == null
                    || !addresses[0].getAddress().matches("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+")) {
                return null;
            }
            return addresses[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return null;
        }
    }

    private static @Nullable String firstId(@Nullable String header) {
        if (header == null) {
            return null;
        }
        Matcher matcher = MESSAGE_ID.matcher(header);
        return matcher.find() ? matcher.group() : null;
    }

    private static String decode(String header) {
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return header;
        }
    }

    static String printable(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
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
