package org.openbpo.support.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

/**
 * Finds a client's tickets by their words (web-search syntax) with an index the application role
 * can use under row-level security: candidates come from {@code support.search_term} by text
 * equality (leakproof, so an index condition), the exact match runs on the candidates only.
 */
@Repository
public class TicketSearchRows {

    private final JdbcClient jdbc;

    TicketSearchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ids of the matching tickets of the service line, newest first, below {@code beforeId}.
     * {@code positiveWords} are the words the query asks for (not its exclusions): a match contains one of them.
     * Internal comments count only when {@code internalComments} (for the provider's people).
     */
    public List<Long> find(UUID clientId, String serviceLine, String query, String positiveWords, boolean internalComments,
                           long beforeId, int limit) {
        return jdbc.sql("""
                        with q as (select websearch_to_tsquery('simple', ?) as q,
                                          tsvector_to_array(to_tsvector('simple', ?)) as words),
                        candidates as (
                            select distinct t.item_id from support.search_term t, q
                             where t.client_id = ? and t.term = any (q.words) and t.item_id < ?)
                        select w.id from work.work_item w join candidates c on c.item_id = w.id, q
                         where w.client_id = ? and w.service_line = ?
                           and (to_tsvector('simple', w.title || ' ' || coalesce(w.form ->> 'description', '')) @@ q.q
                                or exists (select 1 from work.comment k where k.client_id = w.client_id and k.item_id = w.id
                                              and (? or k.visibility = 'CLIENT') and to_tsvector('simple', k.body) @@ q.q))
                         order by w.id desc limit ?""")
                .params(query, positiveWords, clientId, beforeId, clientId, serviceLine, internalComments, limit)
                .query(Long.class).list();
    }

    /** Indexes the words of a service line's existing tickets and comments (the triggers index the new ones). */
    public void indexExisting(UUID clientId, String serviceLine) {
        jdbc.sql("""
                        select count(support.index_words(w.client_id, w.id, w.title || ' ' || coalesce(w.form ->> 'description', '')))
                          from work.work_item w where w.client_id = ? and w.service_line = ?""")
                .params(clientId, serviceLine).query(Long.class).single();
        jdbc.sql("""
                        select count(support.index_words(c.client_id, c.item_id, c.body))
                          from work.comment c join work.work_item w on w.client_id = c.client_id and w.id = c.item_id
                         where c.client_id = ? and w.service_line = ?""")
                .params(clientId, serviceLine).query(Long.class).single();
    }
}
