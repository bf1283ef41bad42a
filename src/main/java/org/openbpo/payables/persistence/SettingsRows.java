package org.openbpo.payables.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.PayablesSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Per-client settings; a client without a row has the defaults. */
@Repository
public class SettingsRows {

    /** The settings with the originator's account in full, for writing bank files. */
    public record Stored(PayablesSettings settings, @Nullable String originatorAccount) {
    }

    private final JdbcClient jdbc;

    SettingsRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(UUID client) {
        return jdbc.sql("select * from payables.settings where client_id = ?").param(client)
                .query((rs, n) -> new Stored(new PayablesSettings(rs.getBigDecimal("price_tolerance_pct"),
                        rs.getBigDecimal("quantity_tolerance_pct"), rs.getInt("duplicate_window_days"),
                        rs.getString("originator_name"), rs.getString("originator_id"), null, rs.getString("originator_bank")),
                        rs.getString("originator_account")))
                .optional();
    }

    public void save(UUID client, BigDecimal price, BigDecimal quantity, int window, @Nullable String name, @Nullable String id,
                     @Nullable String account, @Nullable String bank, Instant at) {
        jdbc.sql("""
                        insert into payables.settings (client_id, price_tolerance_pct, quantity_tolerance_pct, duplicate_window_days,
                                                       originator_name, originator_id, originator_account, originator_bank, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_id) do update set price_tolerance_pct = excluded.price_tolerance_pct,
                            quantity_tolerance_pct = excluded.quantity_tolerance_pct,
                            duplicate_window_days = excluded.duplicate_window_days, originator_name = excluded.originator_name,
                            originator_id = excluded.originator_id, originator_account = excluded.originator_account,
                            originator_bank = excluded.originator_bank, updated_at = excluded.updated_at""")
                .params(client, price, quantity, window, name, id, account, bank, Timestamp.from(at))
                .update();
    }
}
