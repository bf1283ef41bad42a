package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.Invoice;
import org.openbpo.payables.InvoiceSource;
import org.openbpo.payables.InvoiceStatus;
import org.openbpo.payables.domain.MinorUnits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Vendor invoices and their lines. */
@Repository("vendorInvoiceRows")
public class InvoiceRows {

    /** An invoice as written: amounts in minor units. */
    public record NewInvoice(UUID id, UUID vendorId, String number, String numberKey, LocalDate invoiceDate, LocalDate dueDate,
                             @Nullable LocalDate discountDate, long discountMinor, String currency, long amountMinor,
                             long taxMinor, @Nullable UUID orderId, @Nullable String expenseAccount, InvoiceSource source,
                             InvoiceStatus status, List<String> exceptions, List<NewLine> lines) {
    }

    public record NewLine(int lineNo, String description, BigDecimal quantity, BigDecimal unitPrice, long amountMinor,
                          @Nullable Integer orderLine) {
    }

    /** An invoice already on file that a new one may duplicate. */
    public record Earlier(UUID id, UUID vendorId, String number, String numberKey, LocalDate invoiceDate, long amountMinor,
                          String currency) {
    }

    private static final String SELECT = """
            select i.*, v.code as vendor_code, po.number as po_number
              from payables.invoice i
              join payables.vendor v on v.client_id = i.client_id and v.id = i.vendor_id
              left join payables.purchase_order po on po.client_id = i.client_id and po.id = i.po_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    InvoiceRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void insert(UUID client, List<NewInvoice> invoices, Instant at, @Nullable UUID by, String byEmail) {
        template.batchUpdate("""
                        insert into payables.invoice (client_id, id, vendor_id, number, number_key, invoice_date, due_date, discount_date,
                            discount_minor, currency, amount_minor, tax_minor, po_id, expense_account, source, status, exceptions,
                            captured_at, captured_by, captured_email)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", invoices, 5000, (ps, invoice) -> {
            ps.setObject(1, client);
            ps.setObject(2, invoice.id());
            ps.setObject(3, invoice.vendorId());
            ps.setString(4, invoice.number());
            ps.setString(5, invoice.numberKey());
            ps.setObject(6, invoice.invoiceDate());
            ps.setObject(7, invoice.dueDate());
            ps.setObject(8, invoice.discountDate(), Types.DATE);
            ps.setLong(9, invoice.discountMinor());
            ps.setString(10, invoice.currency());
            ps.setLong(11, invoice.amountMinor());
            ps.setLong(12, invoice.taxMinor());
            ps.setObject(13, invoice.orderId(), Types.OTHER);
            ps.setString(14, invoice.expenseAccount());
            ps.setString(15, invoice.source().name());
            ps.setString(16, invoice.status().name());
            ps.setArray(17, ps.getConnection().createArrayOf("text", invoice.exceptions().toArray()));
            ps.setTimestamp(18, Timestamp.from(at));
            ps.setObject(19, by, Types.OTHER);
            ps.setString(20, byEmail);
        });
        List<Object[]> lines = new ArrayList<>();
        for (NewInvoice invoice : invoices) {
            for (NewLine line : invoice.lines()) {
                lines.add(new Object[]{client, invoice.id(), line.lineNo(), line.description(), line.quantity(), line.unitPrice(),
                        line.amountMinor(), line.orderLine()});
            }
        }
        if (!lines.isEmpty()) {
            template.batchUpdate("""
                    insert into payables.invoice_line (client_id, invoice_id, line_no, description, quantity, unit_price, amount_minor, po_line_no)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", lines, new int[]{Types.OTHER, Types.OTHER, Types.INTEGER, Types.VARCHAR,
                    Types.NUMERIC, Types.NUMERIC, Types.BIGINT, Types.INTEGER});
        }
    }

    /** Refreshes the planner's statistics after a large capture, so the next statements do not plan for empty tables. */
    public void analyze() {
        jdbc.sql("analyze payables.invoice, payables.invoice_line, payables.po_line, payables.purchase_order").update();
    }

    /** Invoices on file with these number keys from these vendors (exact duplicates). */
    public List<Earlier> withKeys(UUID client, Collection<String> keys) {
        return jdbc.sql("select id, vendor_id, number, number_key, invoice_date, amount_minor, currency from payables.invoice "
                        + "where client_id = ? and number_key = any(?)")
                .params(client, keys.toArray(String[]::new)).query(InvoiceRows::earlier).list();
    }

    /** Invoices of these vendors dated in the window, for suspected duplicates (same amount, another number). */
    public List<Earlier> near(UUID client, Collection<UUID> vendors, LocalDate from, LocalDate to) {
        return jdbc.sql("select id, vendor_id, number, number_key, invoice_date, amount_minor, currency from payables.invoice "
                        + "where client_id = ? and vendor_id = any(?) and invoice_date between ? and ? and status <> 'REJECTED'")
                .params(client, vendors.toArray(UUID[]::new), from, to).query(InvoiceRows::earlier).list();
    }

    public void linkWorkItems(UUID client, Map<UUID, Long> items) {
        List<Object[]> rows = items.entrySet().stream().map(e -> new Object[]{e.getValue(), client, e.getKey()}).toList();
        template.batchUpdate("update payables.invoice set work_item_id = ? where client_id = ? and id = ?", rows);
    }

    public Optional<Invoice> find(UUID client, UUID id) {
        return jdbc.sql(SELECT + " where i.client_id = ? and i.id = ?").params(client, id).query(InvoiceRows::invoice).optional()
                .map(invoice -> invoice.withLines(lines(client, id)));
    }

    /** The invoice's status and who captured it, locked for a decision. */
    public Optional<Invoice> lock(UUID client, UUID id) {
        jdbc.sql("select 1 from payables.invoice where client_id = ? and id = ? for update").params(client, id).query(Integer.class).optional();
        return find(client, id);
    }

    public Optional<UUID> capturedBy(UUID client, UUID id) {
        return jdbc.sql("select captured_by from payables.invoice where client_id = ? and id = ? and captured_by is not null")
                .params(client, id).query(UUID.class).optional();
    }

    public List<Invoice> page(UUID client, @Nullable InvoiceStatus status, @Nullable UUID vendor, Instant afterAt, UUID afterId, int limit) {
        return jdbc.sql(SELECT + " where i.client_id = ? and (?::text is null or i.status = ?) and (?::uuid is null or i.vendor_id = ?) "
                        + "and (i.captured_at, i.id) < (?, ?) order by i.captured_at desc, i.id desc limit ?")
                .params(client, status == null ? null : status.name(), status == null ? null : status.name(), vendor, vendor,
                        Timestamp.from(afterAt), afterId, limit)
                .query(InvoiceRows::invoice).list();
    }

    public void decide(UUID client, UUID id, InvoiceStatus status, @Nullable Instant approvedAt, @Nullable String approvedBy) {
        jdbc.sql("update payables.invoice set status = ?, approved_at = coalesce(?, approved_at), approved_email = coalesce(?, approved_email) "
                        + "where client_id = ? and id = ?")
                .params(status.name(), approvedAt == null ? null : Timestamp.from(approvedAt), approvedBy, client, id).update();
    }

    private List<Invoice.Line> lines(UUID client, UUID invoice) {
        return jdbc.sql("select l.*, i.currency from payables.invoice_line l join payables.invoice i on i.client_id = l.client_id "
                        + "and i.id = l.invoice_id where l.client_id = ? and l.invoice_id = ? order by l.line_no")
                .params(client, invoice)
                .query((rs, n) -> new Invoice.Line(rs.getInt("line_no"), rs.getString("description"), rs.getBigDecimal("quantity"),
                        rs.getBigDecimal("unit_price"), MinorUnits.decimal(rs.getLong("amount_minor"), rs.getString("currency")),
                        (Integer) rs.getObject("po_line_no")))
                .list();
    }

    private static Earlier earlier(ResultSet rs, int n) throws SQLException {
        return new Earlier(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class), rs.getString("number"),
                rs.getString("number_key"), rs.getObject("invoice_date", LocalDate.class), rs.getLong("amount_minor"),
                rs.getString("currency"));
    }

    static Invoice invoice(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        Array exceptions = rs.getArray("exceptions");
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new Invoice(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                rs.getString("vendor_code"), rs.getString("number"), rs.getObject("invoice_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class), rs.getObject("discount_date", LocalDate.class),
                MinorUnits.decimal(rs.getLong("discount_minor"), currency), currency,
                MinorUnits.decimal(rs.getLong("amount_minor"), currency), MinorUnits.decimal(rs.getLong("tax_minor"), currency),
                rs.getString("po_number"), rs.getString("expense_account"), InvoiceSource.valueOf(rs.getString("source")),
                InvoiceStatus.valueOf(rs.getString("status")), Arrays.asList((String[]) exceptions.getArray()),
                (Long) rs.getObject("work_item_id"), rs.getTimestamp("captured_at").toInstant(), rs.getString("captured_email"),
                approvedAt == null ? null : approvedAt.toInstant(), rs.getString("approved_email"), List.of());
    }
}
