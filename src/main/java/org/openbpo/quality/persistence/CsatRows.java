package org.openbpo.quality.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.quality.CsatAnswer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Repository
public class CsatRows {

    /** Responses on a service line in a period, the sum of their scores, and how many were 4 or 5. */
    public record LineCsat(String serviceLine, long responses, long total, long satisfied) {
    }

    private final JdbcClient jdbc;

    CsatRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(UUID clientId, long itemId, String serviceLine, int score, @Nullable String comment, Instant at) {
        return jdbc.sql("""
                        insert into quality.csat_response (client_id, item_id, service_line, score, comment, responded_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (client_id, item_id) do nothing""")
                .params(clientId, itemId, serviceLine, score, comment, Timestamp.from(at)).update() == 1;
    }

    /** The item's response as its customer answered last: recorded, or replaced by a later answer. */
    public void answer(UUID clientId, long itemId, String serviceLine, int score, Instant at) {
        jdbc.sql("""
                        insert into quality.csat_response (client_id, item_id, service_line, score, comment, responded_at)
                        values (?, ?, ?, ?, null, ?)
                        on conflict (client_id, item_id) do update set score = excluded.score, responded_at = excluded.responded_at""")
                .params(clientId, itemId, serviceLine, score, Timestamp.from(at)).update();
    }

    public List<LineCsat> byLine(UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                        select service_line, count(*), sum(score), count(*) filter (where score >= 4) from quality.csat_response
                         where client_id = ? and responded_at >= ? and responded_at < ? group by service_line order by service_line""")
                .params(clientId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new LineCsat(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }

    public List<CsatAnswer> responses(UUID clientId, String serviceLine, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select item_id, service_line, score, comment, responded_at from quality.csat_response
                         where client_id = ? and service_line = ? and responded_at >= ? and responded_at < ?
                         order by responded_at, item_id limit ?""")
                .params(clientId, serviceLine, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, n) -> new CsatAnswer(rs.getLong(1), "WI-" + rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }
}
