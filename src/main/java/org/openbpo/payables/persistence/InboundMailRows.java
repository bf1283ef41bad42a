package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.InvoiceMailMessage;
import org.openbpo.payables.InvoiceMailStatus;
import org.openbpo.payables.MailDocumentFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Messages that reached clients' AP mailboxes, kept raw, and the files found in them. */
@Repository
public class InboundMailRows {

    /** A stored message claimed for reading. */
    public record Claimed(UUID id, byte[] raw, @Nullable String sender) {
    }

    /** A file to keep: content null when refused, with the reason. */
    public record NewDocument(int number, String filename, String contentType, long size, String kind, byte @Nullable [] content,
                              @Nullable String refused) {
    }

    private static final String COLUMNS = "id, source, received_at, sender, subject, size, status, reason, invoice_ids, "
            + "credit_note_ids, work_item_id ";

    private final JdbcClient jdbc;

    InboundMailRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a message unless one with the same key is here; true when it was new. */
    public boolean insert(UUID client, UUID id, String key, @Nullable String messageId, String source, byte[] raw, long size,
                          Instant at, @Nullable String sender, @Nullable String subject, InvoiceMailStatus status, @Nullable String reason) {
        return jdbc.sql("""
                        insert into payables.inbound_mail (client_id, id, key, message_id, source, raw, size, received_at, sender,
                                                           subject, status, reason, settled_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_id, key) do nothing""")
                .params(client, id, key, messageId, source, raw, size, ts(at), sender, subject, status.name(), reason,
                        status == InvoiceMailStatus.RECEIVED ? null : ts(at))
                .update() == 1;
    }

    public Optional<UUID> idByKey(UUID client, String key) {
        return jdbc.sql("select id from payables.inbound_mail where client_id = ? and key = ?").params(client, key)
                .query(UUID.class).optional();
    }

    /** Takes a stored, unread message for reading; empty when another transaction has it or it was read. */
    public Optional<Claimed> claim(UUID client, UUID id) {
        return jdbc.sql("""
                        select id, raw, sender from payables.inbound_mail
                         where client_id = ? and id = ? and status = 'RECEIVED' for update skip locked""")
                .params(client, id).query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3))).optional();
    }

    /** Messages every node may finish: stored before {@code before} and still unread; those read again later not before their time. */
    public List<Map.Entry<UUID, UUID>> waiting(Instant before, Instant now, int limit) {
        return jdbc.sql("""
                        select client_id, id from payables.inbound_mail
                         where status = 'RECEIVED' and received_at < ? and (next_read_at is null or next_read_at <= ?)
                         order by received_at limit ?""")
                .params(ts(before), ts(now), limit)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /**
     * Counts a read the database failed and leaves the message waiting, to be read again 2, 4, 8 …
     * minutes after {@code now}; returns the failed reads so far, 0 when the message is read already.
     */
    public int readLater(UUID client, UUID id, String reason, Instant now) {
        return jdbc.sql("""
                        update payables.inbound_mail set read_attempts = read_attempts + 1, reason = ?,
                               next_read_at = ?::timestamptz + interval '1 minute' * power(2, least(read_attempts + 1, 10))
                         where client_id = ? and id = ? and status = 'RECEIVED' returning read_attempts""")
                .params(reason, ts(now), client, id).query(Integer.class).optional().orElse(0);
    }

    public void settle(UUID client, UUID id, InvoiceMailStatus status, @Nullable String reason, Collection<UUID> invoices,
                       Collection<UUID> creditNotes, @Nullable Long workItem, Instant at) {
        jdbc.sql("""
                        update payables.inbound_mail set status = ?, reason = ?, invoice_ids = ?::uuid[], credit_note_ids = ?::uuid[],
                               work_item_id = ?, settled_at = ?
                         where client_id = ? and id = ?""")
                .params(status.name(), reason, ids(invoices), ids(creditNotes), workItem, ts(at), client, id).update();
    }

    /** An agent keyed the invoice in from a draft: only a draft still waiting moves, so keying twice is refused. */
    public boolean keyed(UUID client, UUID id, UUID invoice, Instant at) {
        return jdbc.sql("""
                        update payables.inbound_mail set status = 'KEYED', invoice_ids = array[?::uuid], settled_at = ?
                         where client_id = ? and id = ? and status = 'TO_KEY'""")
                .params(invoice, ts(at), client, id).update() == 1;
    }

    public void addDocuments(UUID client, UUID mail, List<NewDocument> documents) {
        for (NewDocument d : documents) {
            jdbc.sql("""
                            insert into payables.mail_document (client_id, mail_id, doc_no, filename, content_type, size, kind, content, refused)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(client, mail, d.number(), d.filename(), d.contentType(), d.size(), d.kind(), d.content(), d.refused())
                    .update();
        }
    }

    public Optional<InvoiceMailMessage> find(UUID client, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payables.inbound_mail where client_id = ? and id = ?").params(client, id)
                .query(InboundMailRows::message).optional()
                .map(m -> m.withDocuments(documents(client, List.of(id)).getOrDefault(id, List.of())));
    }

    /** Newest first, after the cursor; optionally one status only. */
    public List<InvoiceMailMessage> page(UUID client, @Nullable InvoiceMailStatus status, Instant beforeAt, UUID beforeId, int limit) {
        List<InvoiceMailMessage> page = jdbc.sql("select " + COLUMNS + """
                         from payables.inbound_mail
                        where client_id = ? and (received_at, id) < (?, ?) and (?::text is null or status = ?)
                        order by received_at desc, id desc limit ?""")
                .params(client, ts(beforeAt), beforeId, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(InboundMailRows::message).list();
        Map<UUID, List<InvoiceMailMessage.Document>> documents = documents(client, page.stream().map(InvoiceMailMessage::id).toList());
        return page.stream().map(m -> m.withDocuments(documents.getOrDefault(m.id(), List.of()))).toList();
    }

    public Optional<byte[]> raw(UUID client, UUID id) {
        return jdbc.sql("select raw from payables.inbound_mail where client_id = ? and id = ?").params(client, id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    public Optional<MailDocumentFile> document(UUID client, UUID mail, int number) {
        return jdbc.sql("""
                        select filename, content_type, content, kind from payables.mail_document
                         where client_id = ? and mail_id = ? and doc_no = ? and content is not null""")
                .params(client, mail, number)
                .query((rs, n) -> new MailDocumentFile(rs.getString(1), rs.getString(2), rs.getBytes(3),
                        "PDF".equals(rs.getString(4)))).optional();
    }

    /** The messages an invoice came from (its e-invoice, or the PDF it was keyed in from). */
    public List<InvoiceMailMessage> ofInvoice(UUID client, UUID invoice) {
        List<InvoiceMailMessage> found = jdbc.sql("select " + COLUMNS + """
                         from payables.inbound_mail where client_id = ? and invoice_ids @> array[?::uuid] order by received_at""")
                .params(client, invoice).query(InboundMailRows::message).list();
        Map<UUID, List<InvoiceMailMessage.Document>> documents = documents(client, found.stream().map(InvoiceMailMessage::id).toList());
        return found.stream().map(m -> m.withDocuments(documents.getOrDefault(m.id(), List.of()))).toList();
    }

    /** Of these invoices, those that came by mail with a PDF kept, and where that PDF is (message id, document number). */
    public Map<UUID, Map.Entry<UUID, Integer>> pdfsOf(UUID client, Collection<UUID> invoices) {
        Map<UUID, Map.Entry<UUID, Integer>> pdfs = new HashMap<>();
        if (invoices.isEmpty()) {
            return pdfs;
        }
        jdbc.sql("""
                        select i.invoice_id, m.id, min(d.doc_no)
                          from payables.inbound_mail m
                          cross join lateral unnest(m.invoice_ids) as i(invoice_id)
                          join payables.mail_document d on d.client_id = m.client_id and d.mail_id = m.id and d.kind = 'PDF'
                         where m.client_id = ? and m.invoice_ids && ?::uuid[]
                         group by i.invoice_id, m.id""")
                .params(client, ids(invoices))
                .query((rs, n) -> pdfs.putIfAbsent(rs.getObject(1, UUID.class), Map.entry(rs.getObject(2, UUID.class), rs.getInt(3))))
                .list();
        return pdfs;
    }

    private Map<UUID, List<InvoiceMailMessage.Document>> documents(UUID client, List<UUID> mails) {
        Map<UUID, List<InvoiceMailMessage.Document>> byMail = new HashMap<>();
        if (mails.isEmpty()) {
            return byMail;
        }
        jdbc.sql("""
                        select mail_id, doc_no, filename, content_type, size, kind, refused from payables.mail_document
                         where client_id = ? and mail_id = any (?::uuid[]) order by mail_id, doc_no""")
                .params(client, ids(mails))
                .query((rs, n) -> byMail.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new InvoiceMailMessage.Document(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                rs.getString(6), rs.getString(7))))
                .list();
        return byMail;
    }

    private static InvoiceMailMessage message(ResultSet rs, int n) throws SQLException {
        Long item = rs.getObject("work_item_id", Long.class);
        return new InvoiceMailMessage(rs.getObject("id", UUID.class), rs.getString("source"), rs.getTimestamp("received_at").toInstant(),
                rs.getString("sender"), rs.getString("subject"), rs.getLong("size"), InvoiceMailStatus.valueOf(rs.getString("status")),
                rs.getString("reason"), uuids(rs.getArray("invoice_ids")), uuids(rs.getArray("credit_note_ids")),
                item, List.of());
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString())).toList();
    }

    private static String ids(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
