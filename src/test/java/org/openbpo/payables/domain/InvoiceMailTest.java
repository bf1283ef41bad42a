package org.openbpo.payables.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading vendors' mail without a server: what is an invoice, what a machine wrote, what is refused. */
class InvoiceMailTest {

    private static byte[] mail(String headers, String filename, String type, byte[] content) {
        String text = headers + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\nContent-Type: text/plain\n\nHello\n"
                + "--b\nContent-Type: " + type + "\nContent-Disposition: attachment; filename=\"" + filename + "\"\n"
                + "Content-Transfer-Encoding: base64\n\n" + Base64.getMimeEncoder().encodeToString(content) + "\n--b--\n";
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void filesAreSortedByWhatTheyHoldNotByTheirNames() {
        byte[] pdf = "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII);
        var read = (InvoiceMail.Readable) InvoiceMail.read(mail("From: Ann <Ann@Vendor.test>\n", "scan.txt", "text/plain", pdf));
        assertThat(read.sender()).isEqualTo("ann@vendor.test");
        assertThat(read.automatic()).isNull();
        assertThat(read.documents()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(InvoiceMail.Kind.PDF);
            assertThat(d.filename()).isEqualTo("scan.txt");
        });
        byte[] ubl = "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"/>".getBytes(StandardCharsets.UTF_8);
        assertThat(InvoiceMail.kind("cn.xml", "application/octet-stream", ubl)).isEqualTo(InvoiceMail.Kind.UBL_CREDIT_NOTE);
        assertThat(InvoiceMail.kind("cn.bin", "application/octet-stream", ubl)).as("neither XML by name nor type").isEqualTo(InvoiceMail.Kind.OTHER);
        assertThat(InvoiceMail.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(InvoiceMail.safeName("invoice\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
    }

    @Test
    void machinesMailIsRecognisedAndMailWithoutASenderIsUnreadable() {
        byte[] none = new byte[0];
        assertThat(((InvoiceMail.Readable) InvoiceMail.read(mail("From: a@v.test\nPrecedence: bulk\n", "a", "text/plain", none)))
                .automatic()).isEqualTo("Precedence: bulk");
        assertThat(((InvoiceMail.Readable) InvoiceMail.read(mail("From: MAILER-DAEMON@v.test\n", "a", "text/plain", none)))
                .automatic()).isEqualTo("a bounce from mailer-daemon@v.test");
        assertThat(((InvoiceMail.Readable) InvoiceMail.read(mail("From: a@v.test\nAuto-Submitted: no\n", "a", "text/plain", none)))
                .automatic()).as("Auto-Submitted: no is a person").isNull();
        assertThat(((InvoiceMail.Readable) InvoiceMail.read(mail("From: a@v.test\nX-OpenBPO-Loop: yes\n", "a", "text/plain", none)))
                .loop()).isEqualTo("yes");
        assertThat(InvoiceMail.read(mail("Subject: no sender\n", "a", "text/plain", none)))
                .isInstanceOf(InvoiceMail.Unreadable.class);
        byte[] nul = mail("From: a\u0000b@v.test\nMessage-ID: <a\u0000b@v.test>\nSubject: x\u0000y\n", "a", "text/plain", none);
        assertThat(InvoiceMail.read(nul)).as("a NUL never reaches a text column").isInstanceOf(InvoiceMail.Unreadable.class);
        assertThat(InvoiceMail.envelope(nul)).satisfies(e -> {
            assertThat(e.sender()).isNull();
            assertThat(e.messageId()).isNull();
            assertThat(e.subject()).isEqualTo("x y");
        });
        assertThat(InvoiceMail.envelope("Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).key("Subject: x\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII))).as("no Message-ID: the bytes' hash").startsWith("sha256:");
    }

    @Test
    void executablesAreRefusedWhateverTheyAreCalledAndSizeAndTypeLimitsApply() {
        DocumentScreen screen = new DocumentScreen(100, Set.of(".ZIP"));
        assertThat(screen.refusal("invoice.pdf", "application/pdf", "MZ\u0090".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("executable files are refused");
        assertThat(screen.refusal("invoice.pdf.exe ", "application/pdf", new byte[1])).contains("executable files are refused");
        assertThat(screen.refusal("run.sh", "text/plain", "#!/bin/sh".getBytes(StandardCharsets.US_ASCII))).contains("executable files are refused");
        assertThat(screen.refusal("big.pdf", "application/pdf", new byte[101])).contains("larger than the limit of 0 KiB");
        assertThat(screen.refusal("bundle.zip", "application/zip", new byte[1])).contains("files of this type (.zip) are refused");
        assertThat(screen.refusal("invoice.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
