package org.openbpo.support.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.mail.ImapFolderReader;
import org.openbpo.shared.mail.MailSessions;
import org.openbpo.shared.secret.Secrets;
import org.openbpo.support.MailSecurity;
import org.openbpo.support.SupportChannels;
import org.openbpo.support.persistence.StoredChannel;

import java.util.Properties;
import java.util.UUID;

/** How to log in to one of a client's mail servers, the password opened for the moment it is needed. */
record MailAccount(String host, int port, MailSecurity security, @Nullable String username, @Nullable String password) {

    static MailAccount of(UUID clientId, String server, StoredChannel.Server stored, Secrets secrets) {
        String password = stored.sealedPassword() == null ? null
                : secrets.open(stored.sealedPassword(), SupportChannels.secretContext(clientId, server));
        return new MailAccount(stored.host(), stored.port(), stored.security(), stored.username(), password);
    }

    /** Jakarta Mail's protocol name: "imaps"/"smtps" for TLS from the first byte, else the plain one. */
    String protocol(String plain) {
        return security == MailSecurity.TLS ? plain + "s" : plain;
    }

    /** Session properties with timeouts, so a dead server never holds a poller or a sender for long. */
    Properties properties(String plain) {
        return MailSessions.properties(protocol(plain), host, port, security == MailSecurity.STARTTLS,
                security != MailSecurity.NONE, username != null);
    }

    /** The login to read the account's inbox. */
    ImapFolderReader.Login inbox() {
        return new ImapFolderReader.Login(properties("imap"), protocol("imap"), host, port, username, password, "INBOX");
    }
}
