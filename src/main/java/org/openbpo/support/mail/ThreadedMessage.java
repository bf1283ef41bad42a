package org.openbpo.support.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** A message that keeps the Message-ID we chose (Jakarta Mail would make up a new one on every send). */
final class ThreadedMessage extends MimeMessage {

    private final String messageId;

    ThreadedMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
    }
}
