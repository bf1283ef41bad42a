package org.openbpo.support.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentPolicyTest {

    private final AttachmentPolicy policy = new AttachmentPolicy(1024, Set.of(".ISO"), Set.of("video/mp4"));

    @Test
    void executablesAreRefusedByNameTypeAndContent() {
        assertThat(policy.refusal(file("invoice.pdf.exe", "application/pdf", "hello"))).contains("executable files are refused");
        assertThat(policy.refusal(file("setup.EXE. ", "application/octet-stream", "hello"))).isPresent();
        assertThat(policy.refusal(file("photo.jpg", "image/jpeg", "MZ\u0090\u0000"))).contains("executable files are refused");
        assertThat(policy.refusal(file("run", "application/octet-stream", "#!/bin/sh\nrm -rf /"))).isPresent();
        assertThat(policy.refusal(file("tool", "application/x-msdownload", "data"))).isPresent();
    }

    @Test
    void sizeAndConfiguredTypesAreTheProvidersChoice() {
        assertThat(policy.refusal(file("big.pdf", "application/pdf", "x".repeat(1025)))).contains("larger than the limit of 1 KiB");
        assertThat(policy.refusal(file("disk.iso", "application/octet-stream", "x"))).get().asString().contains(".iso");
        assertThat(policy.refusal(file("clip.mov", "video/mp4", "x"))).isPresent();
        assertThat(policy.refusal(file("receipt.pdf", "application/pdf", "%PDF-1.7"))).isEmpty();
    }

    @Test
    void ticketReferencesAreFoundAndWrittenOnce() {
        assertThat(TicketReference.in("Re: Refund [WI-42] again")).hasValue(42);
        assertThat(TicketReference.in("Re: WI-42")).isEmpty();
        assertThat(TicketReference.replySubject("Re: RE: Refund [WI-42]", 42)).isEqualTo("Re: Refund [WI-42]");
        assertThat(TicketReference.replySubject("Refund", 42)).isEqualTo("Re: Refund [WI-42]");
    }

    private static EmailAttachment file(String name, String type, String content) {
        return new EmailAttachment(name, type, content.getBytes(StandardCharsets.ISO_8859_1));
    }
}
