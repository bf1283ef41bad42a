package org.openbpo.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one message to an SMTP server. Once the server has answered the message's DATA, it has
 * the mail: saying goodbye (QUIT) afterwards is no part of sending it. A server that drops the
 * connection at QUIT, or a QUIT that times out, is only logged, so the outbox records the mail as
 * sent rather than as a failed attempt that would send it again.
 */
public final class SmtpSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSubmission.class);

    private SmtpSubmission() {
    }

    /** Connects, sends and disconnects; throws only when the server did not take the message. */
    public static void send(Session session, String protocol, String host, int port, @Nullable String username,
                            @Nullable String password, MimeMessage message) throws MessagingException {
        Transport transport = session.getTransport(protocol);
        try {
            transport.connect(host, port, username, password);
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException notSent) {
            close(transport, host);
            throw notSent;
        }
        close(transport, host);
    }

    private static void close(Transport transport, String host) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.info("Closing the connection to mail server {} failed after the message was handed over: {}", host, e.toString());
        }
    }
}
