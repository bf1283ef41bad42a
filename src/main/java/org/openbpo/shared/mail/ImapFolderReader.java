package org.openbpo.shared.mail;

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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/**
 * One fetch of an IMAP folder (a client's support inbox, an AP mailbox): the messages after the
 * last UID stored, oldest first, handed over raw in batches and only then marked as seen. A batch
 * costs a few round trips, not a few per message: one FETCH of the sizes of the messages taken this
 * time, one FETCH of the bodies of a batch, one STORE of the \Seen flags; a batch holds at most
 * 32 MiB of mail, and a message over the size limit is taken as its headers only. We go by UID, not
 * by the \Seen flag, so a person reading the mailbox in their own mail program hides nothing from us.
 */
public final class ImapFolderReader {

    /**
     * Where to log in and what to read: Jakarta Mail's session properties (timeouts, TLS) and
     * protocol ("imap" or "imaps"), the password opened for the moment it is needed.
     */
    public record Login(Properties properties, String protocol, String host, int port, @Nullable String username,
                        @Nullable String password, String folder) {
    }

    /** One fetched message: its bytes (only the headers when it is too large) and the server's size. */
    public record Raw(long uid, byte[] bytes, long size) {
    }

    public interface Receiver {
        /** Called for each batch of new messages, oldest first; {@code lastUid} is the batch's newest. */
        void received(long uidValidity, long lastUid, List<Raw> batch) throws IOException;
    }

    public record Fetched(long uidValidity, int count) {
    }

    /** At most this many bytes of mail are held in memory at once (one larger message is fetched on its own). */
    private static final long BATCH_BYTES = 32L * 1024 * 1024;

    private ImapFolderReader() {
    }

    /**
     * Hands over up to {@code max} messages after {@code lastUid}, in batches of at most {@code batchSize};
     * a message larger than {@code maxBytes} comes as its headers only.
     */
    public static Fetched fetch(Login login, @Nullable Long knownValidity, long lastUid, int max, int batchSize, long maxBytes,
                                Receiver receiver) throws MessagingException, IOException {
        Session session = Session.getInstance(login.properties());
        Store store = session.getStore(login.protocol());
        store.connect(login.host(), login.port(), login.username(), login.password());
        try {
            Folder folder = store.getFolder(login.folder());
            folder.open(Folder.READ_WRITE);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                // A new UIDVALIDITY means the server renumbered the folder: start over; the message keys recognise what we have.
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
                folder.fetch(wanted.toArray(Message[]::new), sizes);
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
