package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.BankChange;
import org.openbpo.payables.Vendor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Vendors and their bank detail changes. Sealed bank details leave this class only for payment runs. */
@Repository
public class VendorRows {

    /** A vendor's sealed bank details, for a payment run. */
    public record SealedBank(UUID vendorId, String scheme, byte[] sealed) {
    }

    /** A pending change with its sealed details, for approving it. */
    public record PendingChange(BankChange change, UUID requestedById, byte[] sealed) {
    }

    private static final String SELECT = """
            select v.*, (select c.id from payables.bank_change c where c.client_id = v.client_id and c.vendor_id = v.id
                         and c.status = 'PENDING') as pending
              from payables.vendor v""";

    private final JdbcClient jdbc;

    VendorRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(Vendor vendor) {
        return jdbc.sql("""
                        insert into payables.vendor (client_id, id, code, name, tax_id, currencies, terms_days, discount_pct,
                                                     discount_days, email, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?) on conflict (client_id, code) do nothing""")
                .params(vendor.clientId(), vendor.id(), vendor.code(), vendor.name(), vendor.taxId(),
                        "{" + String.join(",", vendor.currencies()) + "}", vendor.termsDays(), vendor.discountPercent(),
                        vendor.discountDays(), vendor.email(), Timestamp.from(vendor.createdAt()), vendor.createdBy())
                .update() == 1;
    }

    public Optional<Vendor> find(UUID client, UUID id) {
        return jdbc.sql(SELECT + " where v.client_id = ? and v.id = ?").params(client, id).query(VendorRows::vendor).optional();
    }

    public Optional<Vendor> byCode(UUID client, String code) {
        return jdbc.sql(SELECT + " where v.client_id = ? and v.code = ?").params(client, code).query(VendorRows::vendor).optional();
    }

    public List<Vendor> byTaxId(UUID client, String taxId) {
        return jdbc.sql(SELECT + " where v.client_id = ? and upper(replace(v.tax_id, ' ', '')) = upper(replace(?, ' ', ''))")
                .params(client, taxId).query(VendorRows::vendor).list();
    }

    public List<Vendor> all(UUID client) {
        return jdbc.sql(SELECT + " where v.client_id = ? order by v.code").param(client).query(VendorRows::vendor).list();
    }

    public List<Vendor> page(UUID client, String afterCode, int limit) {
        return jdbc.sql(SELECT + " where v.client_id = ? and v.code > ? order by v.code limit ?")
                .params(client, afterCode, limit).query(VendorRows::vendor).list();
    }

    public void requestChange(UUID client, UUID id, UUID vendor, String scheme, byte[] sealed, String masked, UUID by,
                              String byEmail, Instant at) {
        jdbc.sql("""
                        insert into payables.bank_change (client_id, id, vendor_id, scheme, sealed, masked, status, requested_by,
                                                          requested_email, requested_at)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(client, id, vendor, scheme, sealed, masked, by, byEmail, Timestamp.from(at))
                .update();
    }

    /** The change, locked so two approvers cannot both decide it. */
    public Optional<PendingChange> lockChange(UUID client, UUID vendor, UUID change) {
        return jdbc.sql("select * from payables.bank_change where client_id = ? and vendor_id = ? and id = ? for update")
                .params(client, vendor, change)
                .query((rs, n) -> new PendingChange(change(rs), rs.getObject("requested_by", UUID.class), rs.getBytes("sealed")))
                .optional();
    }

    public void decide(UUID client, UUID change, String status, UUID by, String byEmail, Instant at) {
        jdbc.sql("""
                        update payables.bank_change set status = ?, decided_by = ?, decided_email = ?, decided_at = ?
                         where client_id = ? and id = ? and status = 'PENDING'""")
                .params(status, by, byEmail, Timestamp.from(at), client, change).update();
    }

    public void applyBank(UUID client, UUID vendor, String scheme, byte[] sealed, String masked) {
        jdbc.sql("update payables.vendor set bank_scheme = ?, bank_sealed = ?, bank_masked = ? where client_id = ? and id = ?")
                .params(scheme, sealed, masked, client, vendor).update();
    }

    public List<BankChange> changes(UUID client, UUID vendor) {
        return jdbc.sql("select * from payables.bank_change where client_id = ? and vendor_id = ? order by requested_at desc, id")
                .params(client, vendor).query((rs, n) -> change(rs)).list();
    }

    public List<BankChange> pendingChanges(UUID client) {
        return jdbc.sql("select * from payables.bank_change where client_id = ? and status = 'PENDING' order by requested_at")
                .param(client).query((rs, n) -> change(rs)).list();
    }

    public List<SealedBank> sealedBanks(UUID client, List<UUID> vendors) {
        return jdbc.sql("select id, bank_scheme, bank_sealed from payables.vendor where client_id = ? and id = any(?) and bank_sealed is not null")
                .params(client, vendors.toArray(UUID[]::new))
                .query((rs, n) -> new SealedBank(rs.getObject("id", UUID.class), rs.getString("bank_scheme"), rs.getBytes("bank_sealed")))
                .list();
    }

    private static BankChange change(ResultSet rs) throws SQLException {
        return new BankChange(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class), rs.getString("scheme"),
                rs.getString("masked"), rs.getString("status"), rs.getString("requested_email"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("decided_email"), instant(rs.getTimestamp("decided_at")));
    }

    static Vendor vendor(ResultSet rs, int n) throws SQLException {
        Array currencies = rs.getArray("currencies");
        return new Vendor(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getString("name"), rs.getString("tax_id"), Arrays.asList((String[]) currencies.getArray()),
                rs.getInt("terms_days"), rs.getBigDecimal("discount_pct"), rs.getInt("discount_days"), rs.getString("email"),
                rs.getString("bank_scheme"), rs.getString("bank_masked"), rs.getObject("pending", UUID.class),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
