package org.openbpo.quality.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CalibrationRows {

    public record Row(UUID clientId, UUID id, long itemId, String formCode, int formVersion, String title, Instant createdAt,
                      String createdBy) {
    }

    private final JdbcClient jdbc;

    CalibrationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Row row) {
        jdbc.sql("""
                        insert into quality.calibration (client_id, id, item_id, form_code, form_version, title, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.clientId(), row.id(), row.itemId(), row.formCode(), row.formVersion(), row.title(),
                        Timestamp.from(row.createdAt()), row.createdBy())
                .update();
    }

    public Optional<Row> get(UUID clientId, UUID id) {
        return jdbc.sql("select * from quality.calibration where client_id = ? and id = ?")
                .params(clientId, id)
                .query((rs, n) -> new Row(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getLong("item_id"),
                        rs.getString("form_code"), rs.getInt("form_version"), rs.getString("title"),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .optional();
    }
}
