package org.openbpo.payables.persistence;

import org.openbpo.payables.PurchaseOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Purchase orders, their lines and goods receipts. */
@Repository
public class OrderRows {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OrderRows(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public boolean insert(UUID client, PurchaseOrder order) {
        int inserted = jdbc.sql("""
                        insert into payables.purchase_order (client_id, id, number, vendor_id, currency, receipt_required, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (client_id, number) do nothing""")
                .params(client, order.id(), order.number(), order.vendorId(), order.currency(), order.receiptRequired(),
                        Timestamp.from(order.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        template.batchUpdate("""
                        insert into payables.po_line (client_id, po_id, line_no, description, quantity, unit_price, tax_percent)
                        values (?, ?, ?, ?, ?, ?, ?)""", order.lines(), 1000, (ps, line) -> {
            ps.setObject(1, client);
            ps.setObject(2, order.id());
            ps.setInt(3, line.lineNo());
            ps.setString(4, line.description());
            ps.setBigDecimal(5, line.quantity());
            ps.setBigDecimal(6, line.unitPrice());
            ps.setBigDecimal(7, line.taxPercent());
        });
        return true;
    }

    /** Many orders at once (imports, the benchmark), each with its lines. */
    public void insertAll(UUID client, List<PurchaseOrder> orders) {
        template.batchUpdate("""
                        insert into payables.purchase_order (client_id, id, number, vendor_id, currency, receipt_required, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""", orders, 5000, (ps, order) -> {
            ps.setObject(1, client);
            ps.setObject(2, order.id());
            ps.setString(3, order.number());
            ps.setObject(4, order.vendorId());
            ps.setString(5, order.currency());
            ps.setBoolean(6, order.receiptRequired());
            ps.setTimestamp(7, Timestamp.from(order.createdAt()));
        });
        List<Object[]> lines = new ArrayList<>();
        for (PurchaseOrder order : orders) {
            for (PurchaseOrder.Line line : order.lines()) {
                lines.add(new Object[]{client, order.id(), line.lineNo(), line.description(), line.quantity(), line.unitPrice(),
                        line.taxPercent(), line.received()});
            }
        }
        template.batchUpdate("""
                insert into payables.po_line (client_id, po_id, line_no, description, quantity, unit_price, tax_percent,
                                              received_quantity)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", lines);
    }

    public Optional<PurchaseOrder> find(UUID client, UUID id) {
        return load(client, "po.id = ?", id, false).stream().findFirst();
    }

    public Optional<PurchaseOrder> byNumber(UUID client, String number) {
        return load(client, "po.number = ?", number, false).stream().findFirst();
    }

    /** The orders with these numbers, their lines locked in key order so concurrent matching cannot over-bill a line. */
    public Map<String, PurchaseOrder> lockByNumbers(UUID client, Collection<String> numbers) {
        Map<String, PurchaseOrder> orders = new LinkedHashMap<>();
        if (numbers.isEmpty()) {
            return orders;
        }
        for (PurchaseOrder order : load(client, "po.number = any(?)", numbers.toArray(String[]::new), true)) {
            orders.put(order.number(), order);
        }
        return orders;
    }

    public List<PurchaseOrder> page(UUID client, String afterNumber, int limit) {
        List<String> numbers = jdbc.sql("select number from payables.purchase_order where client_id = ? and number > ? order by number limit ?")
                .params(client, afterNumber, limit).query(String.class).list();
        if (numbers.isEmpty()) {
            return List.of();
        }
        return load(client, "po.number = any(?)", numbers.toArray(String[]::new), false);
    }

    private List<PurchaseOrder> load(UUID client, String where, Object value, boolean lock) {
        Map<UUID, PurchaseOrder> orders = new LinkedHashMap<>();
        Map<UUID, List<PurchaseOrder.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("select po.*, l.line_no, l.description, l.quantity, l.unit_price, l.tax_percent, l.received_quantity, "
                        + "l.invoiced_quantity "
                        + "from payables.purchase_order po join payables.po_line l on l.client_id = po.client_id and l.po_id = po.id "
                        + "where po.client_id = ? and " + where + " order by po.number, l.line_no"
                        + (lock ? " for update of l" : ""))
                .params(client, value)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    orders.computeIfAbsent(id, key -> {
                        try {
                            return new PurchaseOrder(id, rs.getString("number"), rs.getObject("vendor_id", UUID.class),
                                    rs.getString("currency"), rs.getBoolean("receipt_required"),
                                    rs.getTimestamp("created_at").toInstant(), List.of());
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    lines.computeIfAbsent(id, key -> new ArrayList<>()).add(new PurchaseOrder.Line(rs.getInt("line_no"),
                            rs.getString("description"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                            rs.getBigDecimal("tax_percent"), rs.getBigDecimal("received_quantity"), rs.getBigDecimal("invoiced_quantity")));
                });
        return orders.values().stream().map(order -> new PurchaseOrder(order.id(), order.number(), order.vendorId(),
                order.currency(), order.receiptRequired(), order.createdAt(), List.copyOf(lines.get(order.id())))).toList();
    }

    public void receive(UUID client, UUID id, UUID order, int line, BigDecimal quantity, LocalDate on, Instant at, String by) {
        jdbc.sql("""
                        insert into payables.goods_receipt (client_id, id, po_id, line_no, quantity, received_on, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(client, id, order, line, quantity, on, Timestamp.from(at), by).update();
        jdbc.sql("update payables.po_line set received_quantity = received_quantity + ? where client_id = ? and po_id = ? and line_no = ?")
                .params(quantity, client, order, line).update();
    }

    /** Adds what matched invoices billed to their order lines. */
    public void addInvoiced(UUID client, List<Object[]> orderLineQuantities) {
        if (orderLineQuantities.isEmpty()) {
            return;
        }
        List<Object[]> rows = orderLineQuantities.stream().map(q -> new Object[]{q[2], client, q[0], q[1]}).toList();
        template.batchUpdate("update payables.po_line set invoiced_quantity = invoiced_quantity + ? "
                + "where client_id = ? and po_id = ? and line_no = ?", rows);
    }
}
