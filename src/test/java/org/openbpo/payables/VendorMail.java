package org.openbpo.payables;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Raw RFC 5322 mail as vendors' mail programs write it, built by hand so the tests control every byte. */
final class VendorMail {

    private record File(String name, String type, byte[] content) {
    }

    /** The smallest PDF a viewer opens: one empty page. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<File> files = new ArrayList<>();

    private VendorMail() {
    }

    static VendorMail from(String from) {
        VendorMail mail = new VendorMail();
        mail.headers.put("From", from);
        mail.headers.put("To", "ap@client.test");
        mail.headers.put("Subject", "Invoice");
        mail.headers.put("Date", "Mon, 2 Mar 2026 09:00:00 +0000");
        mail.headers.put("Message-ID", "<" + UUID.randomUUID() + "@vendor.test>");
        mail.headers.put("MIME-Version", "1.0");
        return mail;
    }

    VendorMail subject(String subject) {
        return header("Subject", subject);
    }

    VendorMail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    VendorMail attach(String name, String type, byte[] content) {
        files.add(new File(name, type, content));
        return this;
    }

    VendorMail attach(String name, String type, String content) {
        return attach(name, type, content.getBytes(StandardCharsets.UTF_8));
    }

    String messageId() {
        return headers.get("Message-ID");
    }

    byte[] bytes() {
        StringBuilder mail = new StringBuilder();
        headers.forEach((name, value) -> mail.append(name).append(": ").append(value).append("\n"));
        mail.append("Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\n")
                .append("Content-Type: text/plain; charset=UTF-8\n\nPlease find our invoice attached.\n");
        for (File file : files) {
            mail.append("--b1\nContent-Type: ").append(file.type()).append("; name=\"").append(file.name()).append("\"\n")
                    .append("Content-Disposition: attachment; filename=\"").append(file.name()).append("\"\n")
                    .append("Content-Transfer-Encoding: base64\n\n")
                    .append(Base64.getMimeEncoder().encodeToString(file.content())).append("\n");
        }
        mail.append("--b1--\n");
        return mail.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
