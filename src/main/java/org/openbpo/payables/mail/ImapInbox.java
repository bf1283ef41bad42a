package org.openbpo.payables.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.MailboxSecurity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * One fetch of an AP mailbox's folder: the messages after the last UID stored, oldest first, handed
 * over raw in batches and only then marked as seen. We go by UID, not by the \Seen flag, so a person
 * reading the mailbox in their own mail program hides nothing from us. A message over the size limit
 * is taken as its headers only; a batch holds at most 32 MiB of mail.
 */
final class ImapInbox {

    /** How to log in, the password opened for the moment it is needed. */
    record Account(String host, int port, MailboxSecurity security, @Nullable String username, @Nullable String password,
                   String folder) {

        String protocol() {
            return security == MailboxSecurity.TLS ? "imaps" : "imap";
        }

        /** Timeouts, so a dead server never holds a poller for long; server identity checked under TLS. */
        Properties properties() {
            String prefix = "mail." + protocol() + ".";
            Properties properties = new Properties();
            properties.setProperty(prefix + "host", host);
            properties.setProperty(prefix + "port", Integer.toString(port));
            properties.setProperty(prefix + "connectiontimeout", "10000");
            properties.setProperty(prefix + "timeout", "30000");
            properties.setProperty(prefix + "peek", "true");
            if (security == MailboxSecurity.STARTTLS) {
                properties.setProperty(prefix + "starttls.enable", "true");
                properties.setProperty(prefix + "starttls.required", "true");
            }
            if (security != MailboxSecurity.NONE) {
                properties.setProperty(prefix + "ssl.checkserveridentity", "true");
            }
            if (username != null) {
                properties.setProperty(prefix + "auth", "true");
            }
            return properties;
        }
    }

    record Raw(long uid, byte[] bytes, long size) {
    }

    interface Receiver {
        /** Called for each batch of new messages, oldest first; {@code lastUid} is the batch's newest. */
        void received(long uidValidity, long lastUid, List<Raw> batch);
    }

    record Fetched(long uidValidity, int count) {
    }

    private static final long BATCH_BYTES = 32L * 1024 * 1024;

    private ImapInbox() {
    }

    static Fetched fetch(Account account, @Nullable Long knownValidity, long lastUid, int max, int batchSize, long maxBytes,
                         Receiver receiver) throws MessagingException, IOException {
        Session session = Session.getInstance(account.properties());
        Store store = session.getStore(account.protocol());
        store.connect(account.host(), account.port(), account.username(), account.password());
        try {
            Folder folder = store.getFolder(account.folder());
            folder.open(Folder.READ_WRITE);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                // A new UIDVALIDITY means the server renumbered the folder: start over; the message keys recognise what we have.
                long from = knownValidity != null && knownValidity == validity ? lastUid + 1 : 1;
                Message[] listed = uids.getMessagesByUID(from, UIDFolder.LASTUID);
                List<Message> wanted = new ArrayList<>();
                for (Message message : listed) {
                    // "n:*" answers with the newest message even when n lies beyond it.
                    if (uids.getUID(message) >= from && wanted.size() < max) {
                        wanted.add(message);
                    }
                }
                FetchProfile sizes = new FetchProfile();
                sizes.add(UIDFolder.FetchProfileItem.UID);
                sizes.add(FetchProfile.Item.SIZE);
                folder.fetch(wanted.toArray(Message[]::new), sizes);
                for (int start = 0, end; start < wanted.size(); start = end) {
                    long bytes = 0;
                    end = start;
                    while (end < wanted.size() && end - start < batchSize) {
                        long size = size(wanted.get(end));
                        long next = size > maxBytes ? 0 : size;
                        if (end > start && bytes + next > BATCH_BYTES) {
                            break;
                        }
                        bytes += next;
                        end++;
                    }
                    List<Message> chunk = wanted.subList(start, end);
                    List<Message> whole = chunk.stream().filter(m -> size(m) <= maxBytes).toList();
                    if (!whole.isEmpty() && folder instanceof IMAPFolder) {
                        FetchProfile bodies = new FetchProfile();
                        bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
                        folder.fetch(whole.toArray(Message[]::new), bodies);
                    }
                    List<Raw> batch = new ArrayList<>(chunk.size());
                    for (Message message : chunk) {
                        long size = size(message);
                        batch.add(new Raw(uids.getUID(message), size > maxBytes ? headers(message) : raw(message), size));
                    }
                    receiver.received(validity, batch.getLast().uid(), batch);
                    folder.setFlags(chunk.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
                }
                return new Fetched(validity, wanted.size());
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static long size(Message message) {
        try {
            return Math.max(message.getSize(), 0);
        } catch (MessagingException e) {
            return 0;
        }
    }

    private static byte[] raw(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] headers(Message message) throws MessagingException {
        StringBuilder headers = new StringBuilder();
        for (String line : Collections.list(((MimeMessage) message).getAllHeaderLines())) {
            headers.append(line).append("\r\n");
        }
        return headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
