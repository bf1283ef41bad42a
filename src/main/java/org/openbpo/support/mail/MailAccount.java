package org.openbpo.support.mail;

import org.jspecify.annotations.Nullable;
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
        String protocol = protocol(plain);
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        properties.setProperty(prefix + "connectiontimeout", "10000");
        properties.setProperty(prefix + "timeout", "30000");
        properties.setProperty(prefix + "peek", "true");
        if (security == MailSecurity.STARTTLS) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (security != MailSecurity.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (username != null) {
            properties.setProperty(prefix + "auth", "true");
        }
        return properties;
    }
}
