package org.openbpo.work.persistence;

import org.openbpo.work.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Repository
public class TimelineRows {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TimelineRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void append(UUID clientId, long itemId, Instant at, String actor, String type, Map<String, ?> data) {
        jdbc.sql("insert into work.work_event (client_id, item_id, at, actor, type, data) values (?, ?, ?, ?, ?, ?::jsonb)")
                .params(clientId, itemId, Timestamp.from(at), actor, type, json.writeValueAsString(data)).update();
    }

    /**
     * Whether the person sent the item into one of these states or was recorded as its maker when it went there
     * ({@code maker} in the move's data), in any round: work sent back and sent for its check again keeps every
     * earlier maker and sender from approving it. Read on approvals only.
     */
    public boolean madeOrSentInto(UUID clientId, long itemId, List<String> states, String email, UUID userId) {
        return jdbc.sql("""
                        select exists (select from work.work_event where client_id = ? and item_id = ? and type = 'moved'
                                          and data ->> 'to' = any (?)
                                          and (lower(actor) = lower(?) or data ->> 'maker' = ?))""")
                .params(clientId, itemId, states.toArray(String[]::new), email, userId.toString()).query(Boolean.class).single();
    }

    public List<TimelineEntry> of(UUID clientId, long itemId) {
        return jdbc.sql("select at, actor, type, data::text from work.work_event where client_id = ? and item_id = ? order by seq")
                .params(clientId, itemId)
                .query((rs, n) -> new TimelineEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }
}
