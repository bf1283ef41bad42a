package org.openbpo.support.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * One fetch of a client's IMAP inbox: the messages after the last UID we stored, oldest first,
 * each handed over raw and only then marked as seen. Another mail program reading the mailbox
 * does not hide mail from us, since we go by UID, not by the \Seen flag.
 */
final class ImapMailbox {

    interface Receiver {
        /** Called for each new message; {@code size} is the server's, which exceeds {@code raw} when only headers were taken. */
        void received(long uidValidity, long uid, byte[] raw, long size) throws IOException;
    }

    record Fetched(long uidValidity, int count) {
    }

    private ImapMailbox() {
    }

    static Fetched fetch(MailAccount account, @Nullable Long knownValidity, long lastUid, int max, long maxBytes,
                         Receiver receiver) throws MessagingException, IOException {
        Session session = Session.getInstance(account.properties("imap"));
        Store store = session.getStore(account.protocol("imap"));
        store.connect(account.host(), account.port(), account.username(), account.password());
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                UIDFolder uids = (UIDFolder) inbox;
                long validity = uids.getUIDValidity();
                long from = knownValidity != null && knownValidity == validity ? lastUid + 1 : 1;
                int count = 0;
                for (Message message : uids.getMessagesByUID(from, UIDFolder.LASTUID)) {
                    long uid = uids.getUID(message);
                    // "n:*" answers with the newest message even when n lies beyond it.
                    if (uid < from || count >= max) {
                        continue;
                    }
                    long size = message.getSize();
                    receiver.received(validity, uid, size > maxBytes ? headers(message) : raw(message), Math.max(size, 0));
                    message.setFlag(Flags.Flag.SEEN, true);
                    count++;
                }
                return new Fetched(validity, count);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] headers(Message message) throws MessagingException {
        StringBuilder headers = new StringBuilder();
        for (String line : Collections.list(((jakarta.mail.internet.MimeMessage) message).getAllHeaderLines())) {
            headers.append(line).append("\r\n");
        }
        return headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
