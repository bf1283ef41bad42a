package org.openbpo.support.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One fetch of a client's IMAP inbox: the messages after the last UID we stored, oldest first,
 * handed over raw in batches and only then marked as seen. A batch costs a few round trips, not a
 * few per message: one FETCH of the sizes of the messages taken this time, one FETCH of the bodies
 * of a batch, one STORE of the \Seen flags; a batch holds at most 32 MiB of mail. Another mail
 * program reading the mailbox does not hide mail from us, since we go by UID, not by the \Seen flag.
 */
final class ImapMailbox {

    /** One fetched message: its bytes (only the headers when it is too large) and the server's size. */
    record Raw(long uid, byte[] bytes, long size) {
    }

    interface Receiver {
        /** Called for each batch of new messages, oldest first; {@code lastUid} is the batch's newest. */
        void received(long uidValidity, long lastUid, List<Raw> batch) throws IOException;
    }

    record Fetched(long uidValidity, int count) {
    }

    /** At most this many bytes of mail are held in memory at once (one larger message is fetched on its own). */
    private static final long BATCH_BYTES = 32L * 1024 * 1024;

    private ImapMailbox() {
    }

    static Fetched fetch(MailAccount account, @Nullable Long knownValidity, long lastUid, int max, int batchSize, long maxBytes,
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
                // The UID FETCH that lists the range answers with each message's UID, so filtering costs no round trip.
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
                inbox.fetch(wanted.toArray(Message[]::new), sizes);
                for (int start = 0, end; start < wanted.size(); start = end) {
                    // A batch ends at batchSize messages or BATCH_BYTES, whichever comes first, so large mail cannot fill the heap.
                    long bytes = 0;
                    end = start;
                    while (end < wanted.size() && end - start < batchSize) {
                        long size = size(wanted.get(end));
                        long next = size > maxBytes ? 0 : size; // only the headers of a message over the limit are taken
                        if (end > start && bytes + next > BATCH_BYTES) {
                            break;
                        }
                        bytes += next;
                        end++;
                    }
                    List<Message> chunk = wanted.subList(start, end);
                    List<Message> whole = chunk.stream().filter(m -> size(m) <= maxBytes).toList();
                    if (!whole.isEmpty() && inbox instanceof IMAPFolder) {
                        FetchProfile bodies = new FetchProfile();
                        bodies.add(IMAPFolder.FetchProfileItem.MESSAGE);
                        inbox.fetch(whole.toArray(Message[]::new), bodies);
                    }
                    List<Raw> batch = new ArrayList<>(chunk.size());
                    for (Message message : chunk) {
                        long size = size(message);
                        batch.add(new Raw(uids.getUID(message), size > maxBytes ? headers(message) : raw(message), size));
                    }
                    receiver.received(validity, batch.getLast().uid(), batch);
                    inbox.setFlags(chunk.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
                }
                return new Fetched(validity, wanted.size());
            } finally {
                inbox.close(false);
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
        for (String line : Collections.list(((jakarta.mail.internet.MimeMessage) message).getAllHeaderLines())) {
            headers.append(line).append("\r\n");
        }
        return headers.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
