package org.openbpo.quality.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class CalibrationRows {

    public record Row(UUID clientId, UUID id, long itemId, String formCode, int formVersion, String title, Instant createdAt,
                      String createdBy, @Nullable Instant revealedAt, @Nullable String revealedBy) {
    }

    /** A session in a list: how many analysts it was put before and how many scored. */
    public record Summary(Row row, int invited, int scored) {
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

    public void invite(UUID clientId, UUID calibrationId, Collection<UUID> analysts) {
        for (UUID analyst : analysts) {
            jdbc.sql("insert into quality.calibration_analyst (client_id, calibration_id, analyst_id) values (?, ?, ?) on conflict do nothing")
                    .params(clientId, calibrationId, analyst).update();
        }
    }

    public List<UUID> invited(UUID clientId, UUID calibrationId) {
        return jdbc.sql("select analyst_id from quality.calibration_analyst where client_id = ? and calibration_id = ? order by analyst_id")
                .params(clientId, calibrationId).query(UUID.class).list();
    }

    /** Marks the spread shown before every analyst scored; false when it was revealed already. */
    public boolean reveal(UUID clientId, UUID id, Instant at, String by) {
        return jdbc.sql("update quality.calibration set revealed_at = ?, revealed_by = ? where client_id = ? and id = ? and revealed_at is null")
                .params(Timestamp.from(at), by, clientId, id).update() == 1;
    }

    public Optional<Row> get(UUID clientId, UUID id) {
        return jdbc.sql("select * from quality.calibration where client_id = ? and id = ?")
                .params(clientId, id).query((rs, n) -> row(rs)).optional();
    }

    /** The client's sessions, newest first. */
    public List<Summary> recent(UUID clientId, int limit) {
        return jdbc.sql("""
                        select c.*,
                               (select count(*) from quality.calibration_analyst a
                                 where a.client_id = c.client_id and a.calibration_id = c.id) as invited,
                               (select count(*) from quality.evaluation e
                                 where e.client_id = c.client_id and e.calibration_id = c.id) as scored
                          from quality.calibration c
                         where c.client_id = ? order by c.created_at desc, c.id limit ?""")
                .params(clientId, limit).query((rs, n) -> new Summary(row(rs), rs.getInt("invited"), rs.getInt("scored"))).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp revealed = rs.getTimestamp("revealed_at");
        return new Row(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getLong("item_id"),
                rs.getString("form_code"), rs.getInt("form_version"), rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), revealed == null ? null : revealed.toInstant(), rs.getString("revealed_by"));
    }
}
