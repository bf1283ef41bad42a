package org.openbpo.billing.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.billing.Invoice;
import org.openbpo.billing.InvoiceKind;
import org.openbpo.billing.InvoiceLine;
import org.openbpo.billing.InvoiceStatus;
import org.openbpo.billing.LineKind;
import org.openbpo.billing.domain.InvoiceCalculation.BankMonth;
import org.openbpo.billing.domain.InvoiceCalculation.Charge;
import org.openbpo.billing.domain.InvoiceCalculation.Tax;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository("clientInvoiceRows")
public class InvoiceRows {

    /** An invoice of a month as rating needs it: which one, and whether it may still change. */
    public record Existing(UUID clientId, UUID id, String currency, InvoiceStatus status) {
    }

    /** Units a contract's bank for a service line carried out of a month. */
    public record Carried(UUID clientId, String serviceLine, UUID contractId, BigDecimal units) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    InvoiceRows(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The invoices (not credit notes) of a month for the clients given. */
    public List<Existing> invoicesOf(List<UUID> clientIds, LocalDate period) {
        return jdbc.sql("""
                        select client_id, id, currency, status from billing.invoice
                         where client_id = any (?) and period = ? and kind = 'INVOICE'""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period))
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3).trim(),
                        InvoiceStatus.valueOf(rs.getString(4))))
                .list();
    }

    /**
     * Units left in each prepaid bank at the end of a month, as its invoice rated them, with the contract whose plan
     * the bank was: units prepaid under one contract fund only that contract's later months.
     */
    public List<Carried> carriedOut(List<UUID> clientIds, LocalDate period) {
        return jdbc.sql("""
                        select p.client_id, p.service_line, pp.contract_id, p.carried_out from billing.prepaid_month p
                          join billing.invoice i on i.client_id = p.client_id and i.id = p.invoice_id and i.kind = 'INVOICE'
                          join billing.price_plan pp on pp.client_id = p.client_id and pp.id = p.plan_id
                         where p.client_id = any (?) and p.period = ?""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period))
                .query((rs, n) -> new Carried(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getBigDecimal(4)))
                .list();
    }

    /**
     * The fees of a service line on a month's invoices (a client billed in two currencies has one invoice per
     * currency, and a service line's fees are on one of them); empty when that month has no invoice yet.
     */
    public Optional<BigDecimal> feesOf(UUID clientId, LocalDate period, String serviceLine) {
        return jdbc.sql("""
                        select coalesce(sum(l.amount), 0)
                          from billing.invoice i
                          left join billing.invoice_line l on l.client_id = i.client_id and l.invoice_id = i.id and l.service_line = ?
                               and l.kind in ('USAGE', 'PREPAID_FEE', 'MONTHLY_FEE', 'FTE_FEE', 'MINIMUM_TOP_UP')
                         where i.client_id = ? and i.period = ? and i.kind = 'INVOICE'
                        having count(i.id) > 0""")
                .params(serviceLine, clientId, Date.valueOf(period)).query(BigDecimal.class).optional();
    }

    /**
     * The tax a service line's fees of a month were charged at, as that month's invoice rated them (one plan,
     * so one rate); empty when that month has no invoice yet or its invoice has no fees of the service line.
     */
    public Optional<Tax> taxOfFees(UUID clientId, LocalDate period, String serviceLine) {
        return jdbc.sql("""
                        select l.tax_name, l.tax_percent
                          from billing.invoice i
                          join billing.invoice_line l on l.client_id = i.client_id and l.invoice_id = i.id and l.service_line = ?
                               and l.kind in ('USAGE', 'PREPAID_FEE', 'MONTHLY_FEE', 'FTE_FEE', 'MINIMUM_TOP_UP')
                         where i.client_id = ? and i.period = ? and i.kind = 'INVOICE'
                         order by l.line_no
                         limit 1""")
                .params(serviceLine, clientId, Date.valueOf(period))
                .query((rs, n) -> new Tax(rs.getString(1), rs.getBigDecimal(2))).optional();
    }

    public void insert(UUID clientId, UUID id, InvoiceKind kind, LocalDate period, String currency, InvoiceStatus status,
                       @Nullable UUID corrects, @Nullable String reason, BigDecimal subtotal, BigDecimal tax, BigDecimal total,
                       long usageRecords, Instant at, String by) {
        jdbc.sql("""
                        insert into billing.invoice (client_id, id, kind, period, currency, status, corrects, reason, subtotal, tax,
                            total, usage_records, drafted_at, drafted_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, id, kind.name(), Date.valueOf(period), currency, status.name(), corrects, reason, subtotal, tax,
                        total, usageRecords, Timestamp.from(at), by)
                .update();
    }

    /** Replaces a draft's lines and totals with a fresh rating. */
    public void redraft(UUID clientId, UUID id, BigDecimal subtotal, BigDecimal tax, BigDecimal total, long usageRecords,
                        Instant at, String by) {
        jdbc.sql("delete from billing.invoice_line where client_id = ? and invoice_id = ?").params(clientId, id).update();
        jdbc.sql("delete from billing.prepaid_month where client_id = ? and invoice_id = ?").params(clientId, id).update();
        jdbc.sql("""
                        update billing.invoice set subtotal = ?, tax = ?, total = ?, usage_records = ?, drafted_at = ?, drafted_by = ?
                         where client_id = ? and id = ? and status = 'DRAFT'""")
                .params(subtotal, tax, total, usageRecords, Timestamp.from(at), by, clientId, id).update();
    }

    public record NewLine(UUID clientId, UUID invoiceId, int lineNo, Charge charge, @Nullable Integer correctsLine) {
    }

    public void insertLines(List<NewLine> lines) {
        batch.batchUpdate("""
                        insert into billing.invoice_line (client_id, invoice_id, line_no, kind, service_line, unit, description, quantity,
                            billed_quantity, amount, tax_name, tax_percent, records, reference, corrects_line)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                lines.stream().map(l -> new Object[]{l.clientId(), l.invoiceId(), l.lineNo(), l.charge().kind().name(),
                        l.charge().serviceLine(), l.charge().unit(), l.charge().description(), l.charge().quantity(),
                        l.charge().billedQuantity(), l.charge().amount().amount(), l.charge().taxName(), l.charge().taxPercent(),
                        l.charge().records(), l.charge().reference(), l.correctsLine()}).toList());
    }

    public record NewBankMonth(UUID clientId, UUID invoiceId, LocalDate period, BankMonth month) {
    }

    public void insertBanks(List<NewBankMonth> months) {
        batch.batchUpdate("""
                        insert into billing.prepaid_month (client_id, invoice_id, service_line, plan_id, period, allowance, carried_in,
                            used, overage, carried_out)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                months.stream().map(m -> new Object[]{m.clientId(), m.invoiceId(), m.month().serviceLine(), m.month().planId(),
                        Date.valueOf(m.period()), m.month().bank().allowance(), m.month().bank().carriedIn(),
                        m.month().bank().used(), m.month().bank().overage(), m.month().bank().carriedOut()}).toList());
    }

    public int markReviewed(UUID clientId, UUID id, Instant at, String by) {
        return jdbc.sql("""
                        update billing.invoice set status = 'REVIEW', reviewed_at = ?, reviewed_by = ?
                         where client_id = ? and id = ? and status = 'DRAFT'""")
                .params(Timestamp.from(at), by, clientId, id).update();
    }

    public int reopen(UUID clientId, UUID id) {
        return jdbc.sql("""
                        update billing.invoice set status = 'DRAFT', reviewed_at = null, reviewed_by = null
                         where client_id = ? and id = ? and status = 'REVIEW'""")
                .params(clientId, id).update();
    }

    public int markIssued(UUID clientId, UUID id, String number, Instant at, LocalDate on, String by) {
        return jdbc.sql("""
                        update billing.invoice set status = 'ISSUED', number = ?, issued_at = ?, issued_on = ?, issued_by = ?
                         where client_id = ? and id = ? and status = 'REVIEW'""")
                .params(number, Timestamp.from(at), Date.valueOf(on), by, clientId, id).update();
    }

    /** Puts every draft of the month for these clients up for review, in one statement. */
    public int reviewAll(List<UUID> clientIds, LocalDate period, Instant at, String by) {
        return jdbc.sql("""
                        update billing.invoice set status = 'REVIEW', reviewed_at = ?, reviewed_by = ?
                         where client_id = any (?) and period = ? and kind = 'INVOICE' and status = 'DRAFT'""")
                .params(Timestamp.from(at), by, clientIds.toArray(UUID[]::new), Date.valueOf(period)).update();
    }

    /** Locks one invoice's row (no trigger fires on a lock) for as long as the transaction runs; nothing when there is none. */
    public void lock(UUID clientId, UUID id) {
        jdbc.sql("select 1 from billing.invoice where client_id = ? and id = ? for update").params(clientId, id).query(Integer.class).list();
    }

    /** The month's invoices in review, locked so they are issued exactly once. */
    public List<Locked> lockInReview(List<UUID> clientIds, LocalDate period) {
        return jdbc.sql("""
                        select client_id, id from billing.invoice where client_id = any (?) and period = ? and kind = 'INVOICE'
                           and status = 'REVIEW' for update""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period))
                .query((rs, n) -> new Locked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** An invoice locked for issuing, with its client. */
    public record Locked(UUID clientId, UUID id) {
    }

    /**
     * Issues the reviewed invoices locked by {@link #lockInReview}, numbered from {@code first} in client order:
     * exactly those, so an invoice reviewed in between waits for the next issue, not a number reserved for another.
     */
    public List<Existing> issueAll(List<UUID> clientIds, List<UUID> locked, String prefix, long first, Instant at, LocalDate on,
                                   String by) {
        return jdbc.sql("""
                        with todo as (
                            select client_id, id, row_number() over (order by client_id, currency) - 1 as n from billing.invoice
                             where client_id = any (?) and id = any (?) and status = 'REVIEW')
                        update billing.invoice i set status = 'ISSUED', number = ? || lpad((? + todo.n)::text, 6, '0'),
                               issued_at = ?, issued_on = ?, issued_by = ?
                          from todo where i.client_id = todo.client_id and i.id = todo.id
                        returning i.client_id, i.id, i.currency, i.status""")
                .params(clientIds.toArray(UUID[]::new), locked.toArray(UUID[]::new), prefix, first, Timestamp.from(at), Date.valueOf(on), by)
                .query((rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3).trim(),
                        InvoiceStatus.valueOf(rs.getString(4)))).list();
    }

    /**
     * The next number of a series (e.g. INV-2026-000042). The counter row stays locked until the
     * issuing transaction ends, and rolls back with it: numbers have no gaps.
     */
    public long nextNumbers(String series, int year, int count) {
        return jdbc.sql("""
                        insert into billing.invoice_series (series, year, next_number) values (?, ?, 1 + ?)
                        on conflict (series, year) do update set next_number = billing.invoice_series.next_number + ?
                        returning next_number - ?""")
                .params(series, year, count, count, count).query(Long.class).single();
    }

    public Optional<Invoice> find(UUID clientId, UUID id) {
        return jdbc.sql("select * from billing.invoice where client_id = ? and id = ?").params(clientId, id)
                .query(InvoiceRows::invoice).optional().map(invoice -> invoice.withLines(lines(clientId, id)));
    }

    /** Invoices with their lines, in two statements, for month end. */
    public List<Invoice> findAll(List<UUID> clientIds, List<UUID> ids) {
        List<Invoice> found = jdbc.sql("select * from billing.invoice where client_id = any (?) and id = any (?) order by client_id, id")
                .params(clientIds.toArray(UUID[]::new), ids.toArray(UUID[]::new)).query(InvoiceRows::invoice).list();
        java.util.Map<UUID, List<InvoiceLine>> lines = new java.util.HashMap<>();
        jdbc.sql("""
                        select l.*, i.currency from billing.invoice_line l
                          join billing.invoice i on i.client_id = l.client_id and i.id = l.invoice_id
                         where l.client_id = any (?) and l.invoice_id = any (?) order by l.invoice_id, l.line_no""")
                .params(clientIds.toArray(UUID[]::new), ids.toArray(UUID[]::new))
                .query((rs, n) -> java.util.Map.entry(rs.getObject("invoice_id", UUID.class), line(rs, n))).list()
                .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return found.stream().map(i -> i.withLines(lines.getOrDefault(i.id(), List.of()))).toList();
    }

    public List<InvoiceLine> lines(UUID clientId, UUID invoiceId) {
        return jdbc.sql("""
                        select l.*, i.currency from billing.invoice_line l
                          join billing.invoice i on i.client_id = l.client_id and i.id = l.invoice_id
                         where l.client_id = ? and l.invoice_id = ? order by l.line_no""")
                .params(clientId, invoiceId).query(InvoiceRows::line).list();
    }

    /** A client's invoices, newest month first; {@code issuedOnly} for the client's own people. */
    public List<Invoice> list(UUID clientId, @Nullable LocalDate period, boolean issuedOnly, int limit) {
        return jdbc.sql("""
                        select * from billing.invoice where client_id = ? and (?::date is null or period = ?)
                           and (not ? or status = 'ISSUED')
                         order by period desc, kind, number nulls first, drafted_at desc limit ?""")
                .params(clientId, period == null ? null : Date.valueOf(period), period == null ? null : Date.valueOf(period),
                        issuedOnly, limit)
                .query(InvoiceRows::invoice).list();
    }

    /** Every client's invoices of a month in one status, for the provider's review list. */
    public List<Invoice> ofMonth(List<UUID> clientIds, LocalDate period, int limit) {
        return jdbc.sql("""
                        select * from billing.invoice where client_id = any (?) and period = ?
                         order by status, number nulls first, client_id limit ?""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period), limit).query(InvoiceRows::invoice).list();
    }

    /** What earlier credit notes have already credited against each line of an invoice. */
    public List<Integer> creditedLines(UUID clientId, UUID invoiceId) {
        return jdbc.sql("""
                        select l.corrects_line from billing.invoice_line l join billing.invoice c
                            on c.client_id = l.client_id and c.id = l.invoice_id
                         where c.client_id = ? and c.corrects = ? and l.corrects_line is not null""")
                .params(clientId, invoiceId).query(Integer.class).list();
    }

    static Invoice invoice(ResultSet rs, int row) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        Timestamp issued = rs.getTimestamp("issued_at");
        Date issuedOn = rs.getDate("issued_on");
        return new Invoice(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class),
                InvoiceKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getDate("period").toLocalDate(),
                rs.getString("currency").trim(), InvoiceStatus.valueOf(rs.getString("status")), rs.getObject("corrects", UUID.class),
                rs.getString("reason"), money(rs.getBigDecimal("subtotal"), rs.getString("currency")),
                money(rs.getBigDecimal("tax"), rs.getString("currency")), money(rs.getBigDecimal("total"), rs.getString("currency")),
                rs.getLong("usage_records"), rs.getTimestamp("drafted_at").toInstant(), rs.getString("drafted_by"),
                reviewed == null ? null : reviewed.toInstant(), issued == null ? null : issued.toInstant(),
                issuedOn == null ? null : issuedOn.toLocalDate(), new ArrayList<>());
    }

    static InvoiceLine line(ResultSet rs, int row) throws SQLException {
        int corrects = rs.getInt("corrects_line");
        Integer correctsLine = rs.wasNull() ? null : corrects;
        return new InvoiceLine(rs.getInt("line_no"), LineKind.valueOf(rs.getString("kind")), rs.getString("service_line"),
                rs.getString("unit"), rs.getString("description"), PlanRows.plain(rs.getBigDecimal("quantity")),
                PlanRows.plain(rs.getBigDecimal("billed_quantity")), money(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("tax_name"), PlanRows.plain(rs.getBigDecimal("tax_percent")), rs.getLong("records"),
                rs.getObject("reference", UUID.class), correctsLine);
    }

    private static BigDecimal money(BigDecimal amount, String currency) {
        return amount.setScale(java.util.Currency.getInstance(currency.trim()).getDefaultFractionDigits(), java.math.RoundingMode.UNNECESSARY);
    }
}
