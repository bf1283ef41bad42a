package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.CreditNote;
import org.openbpo.payables.domain.MinorUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Vendors' credit notes. */
@Repository
public class CreditNoteRows {

    public record NewCreditNote(UUID id, UUID vendorId, String number, String numberKey, LocalDate creditDate, String currency,
                                long amountMinor, @Nullable String invoiceNumber, @Nullable String reason, String source) {
    }

    private static final String SELECT = """
            select c.*, v.code as vendor_code from payables.credit_note c
              join payables.vendor v on v.client_id = c.client_id and v.id = c.vendor_id""";

    private final JdbcClient jdbc;

    CreditNoteRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the notes; false if one of them has a number its vendor used before (nothing is written then). */
    public boolean insert(UUID client, List<NewCreditNote> notes, Instant at, String byEmail) {
        for (NewCreditNote note : notes) {
            int written = jdbc.sql("""
                            insert into payables.credit_note (client_id, id, vendor_id, number, number_key, credit_date, currency,
                                                              amount_minor, invoice_number, reason, source, captured_at, captured_email)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (client_id, vendor_id, number_key) do nothing""")
                    .params(client, note.id(), note.vendorId(), note.number(), note.numberKey(), note.creditDate(), note.currency(),
                            note.amountMinor(), note.invoiceNumber(), note.reason(), note.source(), Timestamp.from(at), byEmail)
                    .update();
            if (written == 0) {
                return false;
            }
        }
        return true;
    }

    /** The number keys among these that the vendors used before, as "vendorId/key". */
    public List<String> usedKeys(UUID client, List<UUID> vendors, List<String> keys) {
        return jdbc.sql("select vendor_id || '/' || number_key from payables.credit_note where client_id = ? and vendor_id = any (?) "
                        + "and number_key = any (?)")
                .params(client, vendors.toArray(UUID[]::new), keys.toArray(String[]::new)).query(String.class).list();
    }

    public boolean invoiceExists(UUID client, UUID vendor, String numberKey) {
        return jdbc.sql("select exists (select from payables.invoice where client_id = ? and vendor_id = ? and number_key = ?)")
                .params(client, vendor, numberKey).query(Boolean.class).single();
    }

    public Optional<CreditNote> find(UUID client, UUID id) {
        return jdbc.sql(SELECT + " where c.client_id = ? and c.id = ?").params(client, id).query(CreditNoteRows::note).optional();
    }

    /** Newest first; only those with credit left when {@code open}, of one vendor when given. */
    public List<CreditNote> list(UUID client, @Nullable UUID vendor, boolean open, int limit) {
        return jdbc.sql(SELECT + " where c.client_id = ? and (?::uuid is null or c.vendor_id = ?) "
                        + "and (not ? or c.applied_minor < c.amount_minor) order by c.credit_date desc, c.number limit ?")
                .params(client, vendor, vendor, open, limit).query(CreditNoteRows::note).list();
    }

    /** Where the credit of these notes went: invoice, proposal and amount, oldest proposal first. */
    public List<org.openbpo.payables.CreditAllocation> allocations(UUID client, List<UUID> notes) {
        if (notes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select a.credit_note_id, a.invoice_id, i.number, a.proposal_id, p.status, c.currency, a.amount_minor
                          from payables.credit_application a
                          join payables.credit_note c on c.client_id = a.client_id and c.id = a.credit_note_id
                          join payables.invoice i on i.client_id = a.client_id and i.id = a.invoice_id
                          join payables.proposal p on p.client_id = a.client_id and p.id = a.proposal_id
                         where a.client_id = ? and a.credit_note_id = any (?::uuid[])
                         order by p.created_at, i.number""")
                .params(client, notes.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .query((rs, n) -> new org.openbpo.payables.CreditAllocation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        MinorUnits.decimal(rs.getLong(7), rs.getString(6))))
                .list();
    }

    private static CreditNote note(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        long amount = rs.getLong("amount_minor");
        return new CreditNote(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class), rs.getString("vendor_code"),
                rs.getString("number"), rs.getObject("credit_date", LocalDate.class), currency, MinorUnits.decimal(amount, currency),
                MinorUnits.decimal(amount - rs.getLong("applied_minor"), currency), rs.getString("invoice_number"),
                rs.getString("reason"), rs.getString("source"), rs.getTimestamp("captured_at").toInstant(),
                rs.getString("captured_email"));
    }
}
