package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.PaymentRun;
import org.openbpo.payables.Proposal;
import org.openbpo.payables.domain.MinorUnits;
import org.springframework.jdbc.core.JdbcTemplate;
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

/** Payment proposals, their items, payment runs and the payments that make paying twice impossible. */
@Repository
public class ProposalRows {

    /** An approved invoice that could be paid, with its vendor's bank scheme. */
    public record Payable(UUID invoiceId, UUID vendorId, String vendorCode, String vendorName, String number, LocalDate dueDate,
                          @Nullable LocalDate discountDate, long discountMinor, long amountMinor, long settledMinor,
                          @Nullable String bankScheme) {
        public long openMinor() {
            return amountMinor - settledMinor;
        }
    }

    public record NewItem(UUID invoiceId, long openMinor, long payMinor, long discountMinor, long creditMinor) {
    }

    /** Credit of one credit note set against one invoice of the proposal. */
    public record CreditApplied(UUID creditNoteId, UUID invoiceId, long amountMinor) {
    }

    /** A credit note with credit left, oldest first. */
    public record OpenCredit(UUID id, UUID vendorId, String number, long remainingMinor) {
    }

    /** A proposal item with what the run needs. */
    public record RunItem(UUID invoiceId, UUID vendorId, String vendorCode, String vendorName, String number, long amountMinor,
                          long settledMinor, long payMinor, long discountMinor, long creditMinor) {
        /** What this run settles of the invoice. */
        public long settlesMinor() {
            return payMinor + discountMinor + creditMinor;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ProposalRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Approved invoices due by the day, and those whose early-payment discount is still open on the payment day (a
     * discount of a few percent for paying some weeks early is always worth taking); locked so no other proposal takes them.
     */
    public List<Payable> payable(UUID client, String currency, LocalDate dueBy, LocalDate payOn) {
        return jdbc.sql("""
                        select i.id, i.vendor_id, v.code, v.name, i.number, i.due_date, i.discount_date, i.discount_minor,
                               i.amount_minor, i.settled_minor, v.bank_scheme
                          from payables.invoice i join payables.vendor v on v.client_id = i.client_id and v.id = i.vendor_id
                         where i.client_id = ? and i.status = 'APPROVED' and i.currency = ?
                           and (i.due_date <= ? or (i.discount_minor > 0 and i.discount_date >= ?))
                         order by i.due_date, i.id
                           for update of i""")
                .params(client, currency, dueBy, payOn)
                .query((rs, n) -> new Payable(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                        rs.getString("code"), rs.getString("name"), rs.getString("number"), rs.getObject("due_date", LocalDate.class),
                        rs.getObject("discount_date", LocalDate.class), rs.getLong("discount_minor"), rs.getLong("amount_minor"),
                        rs.getLong("settled_minor"), rs.getString("bank_scheme")))
                .list();
    }

    /** The vendors' credit notes in the currency with credit left, locked so no other proposal sets them against invoices. */
    public List<OpenCredit> openCredits(UUID client, String currency, UUID[] vendors) {
        return jdbc.sql("""
                        select id, vendor_id, number, amount_minor - applied_minor as remaining
                          from payables.credit_note
                         where client_id = ? and currency = ? and vendor_id = any (?) and applied_minor < amount_minor
                         order by credit_date, number, id
                           for update""")
                .params(client, currency, vendors)
                .query((rs, n) -> new OpenCredit(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                        rs.getString("number"), rs.getLong("remaining")))
                .list();
    }

    public void insert(UUID client, UUID id, String currency, LocalDate dueBy, LocalDate payOn, long total, long discount,
                       long credit, Instant at, UUID by, String byEmail, List<NewItem> items, List<CreditApplied> credits) {
        jdbc.sql("""
                        insert into payables.proposal (client_id, id, currency, due_by, pay_on, status, total_minor, discount_minor,
                                                       credit_minor, created_at, created_by, created_email)
                        values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?)""")
                .params(client, id, currency, dueBy, payOn, total, discount, credit, Timestamp.from(at), by, byEmail).update();
        template.batchUpdate("insert into payables.proposal_item (client_id, proposal_id, invoice_id, pay_minor, discount_minor, "
                + "credit_minor, open_minor) values (?, ?, ?, ?, ?, ?, ?)", items, 5000, (ps, item) -> {
            ps.setObject(1, client);
            ps.setObject(2, id);
            ps.setObject(3, item.invoiceId());
            ps.setLong(4, item.payMinor());
            ps.setLong(5, item.discountMinor());
            ps.setLong(6, item.creditMinor());
            ps.setLong(7, item.openMinor());
        });
        for (CreditApplied applied : credits) {
            jdbc.sql("insert into payables.credit_application (client_id, credit_note_id, proposal_id, invoice_id, amount_minor) "
                    + "values (?, ?, ?, ?, ?)").params(client, applied.creditNoteId(), id, applied.invoiceId(), applied.amountMinor()).update();
            // The check on applied_minor refuses setting more against invoices than the note gives.
            jdbc.sql("update payables.credit_note set applied_minor = applied_minor + ? where client_id = ? and id = ?")
                    .params(applied.amountMinor(), client, applied.creditNoteId()).update();
        }
        int moved = jdbc.sql("update payables.invoice set status = 'PROPOSED' where client_id = ? and status = 'APPROVED' and id = any(?)")
                .params(client, items.stream().map(NewItem::invoiceId).toArray(UUID[]::new)).update();
        if (moved != items.size()) {
            throw new IllegalStateException("Invoices changed while they were proposed");
        }
        if (items.size() >= 1_000) {
            // Plans made on the statistics of an empty proposal table would join every item with every invoice.
            jdbc.sql("analyze payables.proposal_item, payables.invoice").update();
        }
    }

    public Optional<Proposal> find(UUID client, UUID id, boolean lock) {
        return jdbc.sql("select p.*, r.id as run_id from payables.proposal p left join payables.payment_run r "
                        + "on r.client_id = p.client_id and r.proposal_id = p.id where p.client_id = ? and p.id = ?"
                        + (lock ? " for update of p" : ""))
                .params(client, id).query((rs, n) -> proposal(rs, items(client, id, rs.getString("currency")))).optional();
    }

    public List<Proposal> page(UUID client, int limit) {
        return jdbc.sql("select p.*, r.id as run_id from payables.proposal p left join payables.payment_run r "
                        + "on r.client_id = p.client_id and r.proposal_id = p.id where p.client_id = ? order by p.created_at desc, p.id limit ?")
                .params(client, limit).query((rs, n) -> proposal(rs, List.of())).list();
    }

    public void status(UUID client, UUID id, String status, @Nullable Instant approvedAt, @Nullable UUID by, @Nullable String byEmail) {
        jdbc.sql("update payables.proposal set status = ?, approved_at = coalesce(?, approved_at), approved_by = coalesce(?, approved_by), "
                        + "approved_email = coalesce(?, approved_email) where client_id = ? and id = ?")
                .params(status, approvedAt == null ? null : Timestamp.from(approvedAt), by, byEmail, client, id).update();
    }

    /** A cancelled proposal gives back the credit it set against invoices. */
    public void releaseCredits(UUID client, UUID proposal) {
        jdbc.sql("""
                        update payables.credit_note c set applied_minor = c.applied_minor - a.amount
                          from (select credit_note_id, sum(amount_minor) as amount from payables.credit_application
                                 where client_id = ? and proposal_id = ? group by credit_note_id) a
                         where c.client_id = ? and c.id = a.credit_note_id""")
                .params(client, proposal, client).update();
        jdbc.sql("delete from payables.credit_application where client_id = ? and proposal_id = ?").params(client, proposal).update();
    }

    public void releaseInvoices(UUID client, UUID proposal) {
        jdbc.sql("update payables.invoice set status = 'APPROVED' where client_id = ? and status = 'PROPOSED' and id in "
                        + "(select invoice_id from payables.proposal_item where client_id = ? and proposal_id = ?)")
                .params(client, client, proposal).update();
    }

    public List<RunItem> runItems(UUID client, UUID proposal) {
        return jdbc.sql("""
                        select pi.invoice_id, i.vendor_id, v.code, v.name, i.number, i.amount_minor, i.settled_minor, pi.pay_minor,
                               pi.discount_minor, pi.credit_minor
                          from payables.proposal_item pi
                          join payables.invoice i on i.client_id = pi.client_id and i.id = pi.invoice_id
                          join payables.vendor v on v.client_id = i.client_id and v.id = i.vendor_id
                         where pi.client_id = ? and pi.proposal_id = ? order by v.code, i.number""")
                .params(client, proposal)
                .query((rs, n) -> new RunItem(rs.getObject("invoice_id", UUID.class), rs.getObject("vendor_id", UUID.class),
                        rs.getString("code"), rs.getString("name"), rs.getString("number"), rs.getLong("amount_minor"),
                        rs.getLong("settled_minor"), rs.getLong("pay_minor"), rs.getLong("discount_minor"), rs.getLong("credit_minor")))
                .list();
    }

    /**
     * Writes the run and one payment per invoice; the database adds what each settles to its invoice (an invoice settled
     * in full is paid, one paid in part is approved again with the rest open) and refuses settling more than its amount.
     */
    public void insertRun(UUID client, UUID run, UUID proposal, String format, String fileName, byte[] file, LocalDate paidOn,
                          List<RunItem> items, long total, Instant at, String by) {
        jdbc.sql("""
                        insert into payables.payment_run (client_id, id, proposal_id, format, file_name, file, paid_on, count,
                                                          total_minor, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(client, run, proposal, format, fileName, file, paidOn, items.size(), total, Timestamp.from(at), by).update();
        template.batchUpdate("insert into payables.payment (client_id, invoice_id, run_id, amount_minor, discount_minor, credit_minor) "
                        + "values (?, ?, ?, ?, ?, ?)",
                items, 5000, (ps, item) -> {
                    ps.setObject(1, client);
                    ps.setObject(2, item.invoiceId());
                    ps.setObject(3, run);
                    ps.setLong(4, item.payMinor());
                    ps.setLong(5, item.discountMinor());
                    ps.setLong(6, item.creditMinor());
                });
        if (items.size() >= 1_000) {
            jdbc.sql("analyze payables.payment").update();
        }
        // The payments' trigger settles the invoices (V10_2).
    }

    public Optional<PaymentRun> run(UUID client, UUID id) {
        return jdbc.sql("select r.*, p.currency from payables.payment_run r join payables.proposal p on p.client_id = r.client_id "
                        + "and p.id = r.proposal_id where r.client_id = ? and r.id = ?")
                .params(client, id).query(ProposalRows::run).optional();
    }

    public Optional<byte[]> file(UUID client, UUID run) {
        return jdbc.sql("select file from payables.payment_run where client_id = ? and id = ?").params(client, run)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static PaymentRun run(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        return new PaymentRun(rs.getObject("id", UUID.class), rs.getObject("proposal_id", UUID.class), rs.getString("format"),
                rs.getString("file_name"), rs.getObject("paid_on", LocalDate.class), rs.getInt("count"),
                MinorUnits.decimal(rs.getLong("total_minor"), currency), currency, rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private List<Proposal.Item> items(UUID client, UUID proposal, String currency) {
        return jdbc.sql("""
                        select pi.invoice_id, v.code, i.number, i.due_date, i.amount_minor,
                               pi.open_minor, pi.discount_minor, pi.credit_minor, pi.pay_minor
                          from payables.proposal_item pi
                          join payables.invoice i on i.client_id = pi.client_id and i.id = pi.invoice_id
                          join payables.vendor v on v.client_id = i.client_id and v.id = i.vendor_id
                         where pi.client_id = ? and pi.proposal_id = ? order by i.due_date, v.code, i.number""")
                .params(client, proposal)
                .query((rs, n) -> new Proposal.Item(rs.getObject("invoice_id", UUID.class), rs.getString("code"), rs.getString("number"),
                        rs.getObject("due_date", LocalDate.class), MinorUnits.decimal(rs.getLong("amount_minor"), currency),
                        MinorUnits.decimal(rs.getLong("open_minor"), currency), MinorUnits.decimal(rs.getLong("discount_minor"), currency),
                        MinorUnits.decimal(rs.getLong("credit_minor"), currency), MinorUnits.decimal(rs.getLong("pay_minor"), currency)))
                .list();
    }

    private static Proposal proposal(ResultSet rs, List<Proposal.Item> items) throws SQLException {
        String currency = rs.getString("currency");
        Timestamp approved = rs.getTimestamp("approved_at");
        return new Proposal(rs.getObject("id", UUID.class), currency, rs.getObject("due_by", LocalDate.class),
                rs.getObject("pay_on", LocalDate.class), rs.getString("status"), MinorUnits.decimal(rs.getLong("total_minor"), currency),
                MinorUnits.decimal(rs.getLong("discount_minor"), currency), MinorUnits.decimal(rs.getLong("credit_minor"), currency),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_email"), approved == null ? null : approved.toInstant(), rs.getString("approved_email"),
                rs.getObject("run_id", UUID.class), items, List.of());
    }
}
