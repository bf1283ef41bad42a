package org.openbpo.work.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/**
 * Finds a client's items by the words in them (web-search syntax: words, "phrases", -excluded, or).
 * The client's rows are narrowed by index and then matched: a GIN text index would not help the
 * application role, because row-level security lets only leakproof operators into an index
 * condition and {@code @@} is not one.
 */
@Repository
public class TextSearchRows {

    private final JdbcClient jdbc;

    TextSearchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of matching items, newest first, below {@code beforeId}. */
    public List<Long> find(UUID clientId, @Nullable String serviceLine, String text, long beforeId, int limit) {
        return jdbc.sql("""
                        with query as (select websearch_to_tsquery('simple', ?) as q),
                        hits as (
                            select w.id from work.work_item w, query
                             where w.client_id = ? and w.id < ?
                               and to_tsvector('simple', w.title || ' ' || coalesce(w.form ->> 'description', '')) @@ query.q
                            union
                            select c.item_id from work.comment c, query
                             where c.client_id = ? and c.item_id < ? and to_tsvector('simple', c.body) @@ query.q)
                        select w.id from work.work_item w join hits on hits.id = w.id
                         where w.client_id = ? and (?::text is null or w.service_line = ?)
                         order by w.id desc limit ?""")
                .params(text, clientId, beforeId, clientId, beforeId, clientId, serviceLine, serviceLine, limit)
                .query(Long.class).list();
    }
}
