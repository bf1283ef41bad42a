package org.openbpo.shared.mail;

import java.util.Properties;

/** Jakarta Mail session properties as every mail server of a client is reached: with timeouts and, under TLS, the server's identity checked. */
public final class MailSessions {

    private MailSessions() {
    }

    /**
     * @param protocol "imap", "imaps", "smtp" or "smtps"
     * @param startTls upgrade a plain connection with STARTTLS, and refuse a server that cannot
     * @param tls      the connection is encrypted (TLS from the first byte, or STARTTLS): check the server's name
     * @param login    the server wants a user name and password
     */
    public static Properties properties(String protocol, String host, int port, boolean startTls, boolean tls, boolean login) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        // A dead server never holds a poller or a sender for long.
        properties.setProperty(prefix + "connectiontimeout", "10000");
        properties.setProperty(prefix + "timeout", "30000");
        // A write the server stops reading (a full socket buffer) fails too, well within a send's lease (SendAttempts.LEASE).
        properties.setProperty(prefix + "writetimeout", "30000");
        properties.setProperty(prefix + "peek", "true");
        if (startTls) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (tls) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        if (login) {
            properties.setProperty(prefix + "auth", "true");
        }
        return properties;
    }
}
