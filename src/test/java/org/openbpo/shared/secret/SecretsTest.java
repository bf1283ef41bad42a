package org.openbpo.shared.secret;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private final Secrets secrets = new Secrets(KEY);

    @Test
    void aSealedSecretOpensForItsOwnContextOnly() {
        byte[] sealed = secrets.seal("hunter2 mailbox", "client-a/imap");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        assertThat(secrets.open(sealed, "client-a/imap")).isEqualTo("hunter2 mailbox");
        assertThatThrownBy(() -> secrets.open(sealed, "client-b/imap")).isInstanceOf(Secrets.Unreadable.class);
    }

    @Test
    void sealingTwiceGivesDifferentBytesAndATamperedValueDoesNotOpen() {
        byte[] first = secrets.seal("same", "ctx");
        byte[] second = secrets.seal("same", "ctx");
        assertThat(first).isNotEqualTo(second);

        first[first.length - 1] ^= 1;
        assertThatThrownBy(() -> secrets.open(first, "ctx")).isInstanceOf(Secrets.Unreadable.class);
    }

    @Test
    void anotherKeyCannotOpenAndABadKeyIsRefusedAtStartup() {
        byte[] sealed = secrets.seal("same", "ctx");
        assertThatThrownBy(() -> new Secrets("").open(sealed, "ctx")).isInstanceOf(Secrets.Unreadable.class);
        assertThatIllegalStateException().isThrownBy(() -> new Secrets("c2hvcnQ="));
        assertThatIllegalStateException().isThrownBy(() -> new Secrets("not base64!"));
    }
}
