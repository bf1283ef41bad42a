package org.openbpo.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Raw RFC 5322 mail as customers' mail programs write it, built by hand so tests control every byte. */
final class TestMail {

    private record File(String name, String type, byte[] content) {
    }

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<File> files = new ArrayList<>();
    private String text = "";

    private TestMail() {
    }

    static TestMail from(String from) {
        TestMail mail = new TestMail();
        mail.headers.put("From", from);
        mail.headers.put("To", "help@example.test");
        mail.headers.put("Subject", "Hello");
        mail.headers.put("Date", "Mon, 2 Mar 2026 09:00:00 +0000");
        mail.headers.put("Message-ID", "<" + UUID.randomUUID() + "@customer.test>");
        mail.headers.put("MIME-Version", "1.0");
        return mail;
    }

    TestMail to(String to) {
        return header("To", to);
    }

    TestMail subject(String subject) {
        return header("Subject", subject);
    }

    TestMail messageId(String id) {
        return header("Message-ID", id);
    }

    TestMail withoutMessageId() {
        headers.remove("Message-ID");
        return this;
    }

    TestMail inReplyTo(String id) {
        return header("In-Reply-To", id).header("References", id);
    }

    TestMail header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    TestMail text(String text) {
        this.text = text;
        return this;
    }

    TestMail attach(String name, String type, byte[] content) {
        files.add(new File(name, type, content));
        return this;
    }

    String messageId() {
        return headers.get("Message-ID");
    }

    byte[] bytes() {
        StringBuilder mail = new StringBuilder();
        headers.forEach((name, value) -> mail.append(name).append(": ").append(value).append("\n"));
        if (files.isEmpty()) {
            mail.append("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n").append(text).append("\n");
        } else {
            mail.append("Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\n")
                    .append("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n").append(text).append("\n");
            for (File file : files) {
                mail.append("--b1\nContent-Type: ").append(file.type()).append("; name=\"").append(file.name()).append("\"\n")
                        .append("Content-Disposition: attachment; filename=\"").append(file.name()).append("\"\n")
                        .append("Content-Transfer-Encoding: base64\n\n")
                        .append(Base64.getMimeEncoder().encodeToString(file.content())).append("\n");
            }
            mail.append("--b1--\n");
        }
        return mail.toString().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
