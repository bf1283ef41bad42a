package org.openbpo.payables.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.MailboxSecurity;
import org.openbpo.shared.mail.ImapFolderReader;
import org.openbpo.shared.mail.MailSessions;

import java.util.Properties;

/** How to log in to a client's AP mailbox and which folder to read, the password opened for the moment it is needed. */
record ApMailAccount(String host, int port, MailboxSecurity security, @Nullable String username, @Nullable String password,
                     String folder) {

    ImapFolderReader.Login login() {
        return new ImapFolderReader.Login(properties(), protocol(), host, port, username, password, folder);
    }

    private String protocol() {
        return security == MailboxSecurity.TLS ? "imaps" : "imap";
    }

    private Properties properties() {
        return MailSessions.properties(protocol(), host, port, security == MailboxSecurity.STARTTLS,
                security != MailboxSecurity.NONE, username != null);
    }
}
