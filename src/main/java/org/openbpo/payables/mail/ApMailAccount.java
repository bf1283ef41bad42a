package org.openbpo.payables.mail;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.MailboxSecurity;
import org.openbpo.shared.mail.CheckedAddressSockets;
import org.openbpo.shared.mail.ImapFolderReader;
import org.openbpo.shared.mail.MailSessions;
import org.openbpo.shared.mail.PublicHosts;

import java.util.Properties;

/**
 * How to log in to a client's AP mailbox and which folder to read, the password opened for the moment it is needed.
 *
 * @param checked the addresses checked for a mailbox a client set up, the only ones the connection may go to; null
 *                for one the provider's staff set up, reached by its name
 */
record ApMailAccount(String host, int port, MailboxSecurity security, @Nullable String username, @Nullable String password,
                     String folder, PublicHosts.@Nullable Checked checked) {

    ImapFolderReader.Login login() {
        return new ImapFolderReader.Login(properties(), protocol(), host, port, username, password, folder);
    }

    private String protocol() {
        return security == MailboxSecurity.TLS ? "imaps" : "imap";
    }

    private Properties properties() {
        Properties properties = MailSessions.properties(protocol(), host, port, security == MailboxSecurity.STARTTLS,
                security != MailboxSecurity.NONE, username != null);
        return checked == null ? properties : CheckedAddressSockets.connectOnlyTo(checked, protocol(), properties);
    }
}
