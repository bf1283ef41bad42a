package org.openbpo.support.domain;

import org.junit.jupiter.api.Test;
import org.openbpo.support.domain.EmailReader.Readable;
import org.openbpo.support.domain.EmailReader.Unreadable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EmailReaderTest {

    @Test
    void aPlainReplyIsReadWithItsThreadAndSender() {
        InboundEmail email = readable("""
                From: "Ann Customer" <Ann@Customer.test>
                To: help@albion.test
                Subject: =?UTF-8?Q?Re:_Caf=C3=A9_refund?= [WI-42]
                Message-ID: <reply-1@customer.test>
                In-Reply-To: <ours-2@albion.test>
                References: <first@customer.test> <ours-2@albion.test>
                Content-Type: text/plain; charset=UTF-8

                Thanks, that worked.
                """);

        assertThat(email.sender()).isEqualTo("ann@customer.test");
        assertThat(email.senderName()).isEqualTo("Ann Customer");
        assertThat(email.subject()).isEqualTo("Re: Café refund [WI-42]");
        assertThat(email.messageId()).isEqualTo("<reply-1@customer.test>");
        assertThat(email.answers()).containsExactly("<ours-2@albion.test>", "<first@customer.test>");
        assertThat(email.text()).contains("Thanks, that worked.");
        assertThat(email.automatic()).isNull();
    }

    @Test
    void partsBecomeTextSanitisedHtmlAndFiles() {
        String pdf = Base64.getMimeEncoder().encodeToString("%PDF-1.7 receipt".getBytes(StandardCharsets.US_ASCII));
        InboundEmail email = readable("""
                From: ann@customer.test
                Subject: Receipt
                Message-ID: <m2@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                See the receipt.
                --inner
                Content-Type: text/html; charset=UTF-8

                <p onclick="steal()">See the <b>receipt</b>.<script>alert(1)</script><img src="https://track.test/p.gif"></p>
                --inner--
                --outer
                Content-Type: application/pdf; name="../../receipt.pdf"
                Content-Disposition: attachment; filename="../../receipt.pdf"
                Content-Transfer-Encoding: base64

                %s
                --outer--
                """.formatted(pdf));

        assertThat(email.text()).isEqualTo("See the receipt.");
        assertThat(email.safeHtml()).contains("<b>receipt</b>").doesNotContain("script").doesNotContain("onclick")
                .doesNotContain("alert").doesNotContain("img");
        assertThat(email.attachments()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("receipt.pdf");
            assertThat(file.contentType()).isEqualTo("application/pdf");
            assertThat(new String(file.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.7 receipt");
        });
    }

    @Test
    void anHtmlOnlyMessageGivesItsWordsAsText() {
        InboundEmail email = readable("""
                From: bob@customer.test
                Subject: Help
                Content-Type: text/html; charset=UTF-8

                <html><body><div>My card &amp; my PIN</div><div>stopped working</div><style>p{}</style></body></html>
                """);

        assertThat(email.text()).isEqualTo("My card & my PIN\nstopped working");
        assertThat(email.messageId()).isNull();
    }

    @Test
    void anUnknownCharacterSetIsReadAnywayAndNoted() {
        InboundEmail email = readable("""
                From: bob@customer.test
                Subject: Odd
                Content-Type: text/plain; charset=x-klingon

                Qapla'
                """);

        assertThat(email.text()).contains("Qapla'");
        assertThat(email.notes()).singleElement().asString().contains("x-klingon");
    }

    @Test
    void brokenMimeAndMissingSendersAreUnreadableWithAReason() {
        Unreadable noBoundary = (Unreadable) EmailReader.read(raw("""
                From: bob@customer.test
                Subject: Broken
                Content-Type: multipart/mixed

                there is no boundary here at all
                """));
        assertThat(noBoundary.reason()).startsWith("Malformed MIME");

        Unreadable noSender = (Unreadable) EmailReader.read(raw("""
                Subject: Who am I

                hello
                """));
        assertThat(noSender.reason()).contains("No sender");

        assertThat(EmailReader.read(new byte[]{0, (byte) 0xff, 0x13, 10, 10, 1})).isInstanceOf(Unreadable.class);
    }

    @Test
    void machinesSayTheyAreMachines() {
        assertThat(readable(withHeader("Auto-Submitted: auto-replied")).automatic()).isEqualTo("Auto-Submitted: auto-replied");
        assertThat(readable(withHeader("Auto-Submitted: no")).automatic()).isNull();
        assertThat(readable(withHeader("Precedence: bulk")).automatic()).isEqualTo("Precedence: bulk");
        assertThat(readable(withHeader("X-Autoreply: yes")).automatic()).isEqualTo("X-Autoreply: yes");
        assertThat(readable(withHeader("Return-Path: <>")).automatic()).startsWith("a bounce");
        assertThat(readable(withHeader("X-OpenBPO-Loop: abc")).loopMark()).isEqualTo("abc");
    }

    @Test
    void theEnvelopeKeysAMessageByItsIdOrItsBytes() {
        byte[] withId = raw("From: a@b.test\nMessage-ID: <x1@b.test>\nSubject: Hi\n\nbody\n");
        assertThat(EmailReader.envelope(withId).key(withId)).isEqualTo("<x1@b.test>");
        assertThat(EmailReader.envelope(withId).sender()).isEqualTo("a@b.test");
        byte[] withoutId = raw("From: a@b.test\nSubject: Hi\n\nbody\n");
        String key = EmailReader.envelope(withoutId).key(withoutId);
        assertThat(key).startsWith("sha256:").hasSize(71).isEqualTo(EmailReader.envelope(withoutId).key(withoutId.clone()));
    }

    private static String withHeader(String header) {
        return "From: ooo@customer.test\n" + header + "\nSubject: Away\n\nI am away.\n";
    }

    private static InboundEmail readable(String raw) {
        EmailReader.Reading reading = EmailReader.read(raw(raw));
        assertThat(reading).isInstanceOf(Readable.class);
        return ((Readable) reading).email();
    }

    static byte[] raw(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
