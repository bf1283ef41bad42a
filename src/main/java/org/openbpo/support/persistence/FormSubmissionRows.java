package org.openbpo.support.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Requests sent through a client's public form, counted per sender for the rate limit. */
@Repository
public class FormSubmissionRows {

    private final JdbcClient jdbc;

    FormSubmissionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int countSince(UUID clientId, String sourceHash, Instant since) {
        return jdbc.sql("select count(*) from support.form_submission where client_id = ? and source_hash = ? and submitted_at > ?")
                .params(clientId, sourceHash, Timestamp.from(since)).query(Integer.class).single();
    }

    public void insert(UUID clientId, UUID id, String sourceHash, Instant at, long itemId) {
        jdbc.sql("insert into support.form_submission (client_id, id, source_hash, submitted_at, item_id) values (?, ?, ?, ?, ?)")
                .params(clientId, id, sourceHash, Timestamp.from(at), itemId).update();
    }
}
