package org.openbpo.billing.persistence;

import org.openbpo.shared.database.SqlFailures;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;

/**
 * Loads usage records in bulk with COPY (an import of a telephony system's call minutes, a
 * benchmark's month), in the caller's transaction. PostgreSQL refuses COPY into a table under
 * row-level security, so rows are copied into a temporary staging table and inserted from there in
 * one statement, which the policies check like any insert; usage already recorded is skipped. Each row is tab-separated: client id, source,
 * source id, service line, unit, quantity, occurred at (ISO), period (first day of the month).
 */
@Repository
public class UsageCopy {

    private static final int BUFFER = 1 << 20;

    private final DataSource dataSource;

    UsageCopy(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Returns how many records were new. */
    public long copy(Iterator<String> rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table staged_usage (client_id uuid, source text, source_id text, service_line text,
                            unit text, quantity numeric(18, 4), occurred_at timestamptz, period date) on commit drop""");
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy staged_usage from stdin");
            StringBuilder buffer = new StringBuilder(BUFFER * 2);
            try {
                while (rows.hasNext()) {
                    buffer.append(rows.next()).append('\n');
                    if (buffer.length() > BUFFER) {
                        flush(copy, buffer);
                    }
                }
                flush(copy, buffer);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            try (Statement statement = connection.createStatement()) {
                return statement.executeLargeUpdate("""
                        insert into billing.usage_record (client_id, source, source_id, service_line, unit, quantity, occurred_at, period)
                        select client_id, source, source_id, service_line, unit, quantity, occurred_at, period from staged_usage
                        on conflict (client_id, source, source_id, unit) do nothing""");
            }
        } catch (SQLException e) {
            throw SqlFailures.translated("Copying the usage", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void flush(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        rows.setLength(0);
    }
}
