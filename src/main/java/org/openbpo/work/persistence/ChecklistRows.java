package org.openbpo.work.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The ticked steps of items' checklists. Ticking and unticking also touch the item's row, so a move
 * that read the item before the tick changed finds it changed and decides afresh (see
 * {@link WorkItemRows#move}): an untick racing a close can never leave a done item with a step unticked.
 */
@Repository
public class ChecklistRows {

    public record Tick(int step, String tickedBy, Instant tickedAt) {
    }

    private final JdbcClient jdbc;

    ChecklistRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Tick> of(UUID clientId, long itemId) {
        return jdbc.sql("select step, ticked_by, ticked_at from work.checklist_tick where client_id = ? and item_id = ? order by step")
                .params(clientId, itemId)
                .query((rs, n) -> new Tick(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    /** The step numbers ticked: all the engine needs to decide whether an item may close as done. */
    public List<Integer> tickedSteps(UUID clientId, long itemId) {
        return jdbc.sql("select step from work.checklist_tick where client_id = ? and item_id = ?")
                .params(clientId, itemId).query(Integer.class).list();
    }

    /** Ticks the step; false when it already was. */
    public boolean tick(UUID clientId, long itemId, int step, String by, Instant at) {
        return jdbc.sql("""
                        with ticked as (
                            insert into work.checklist_tick (client_id, item_id, step, ticked_by, ticked_at)
                            values (:client, :item, :step, :by, :at)
                            on conflict do nothing returning item_id),
                        touched as (
                            update work.work_item set updated_at = :at
                             where client_id = :client and id = :item and exists (select 1 from ticked) returning id)
                        select count(*) from ticked""")
                .param("client", clientId).param("item", itemId).param("step", step).param("by", by)
                .param("at", Timestamp.from(at))
                .query(Long.class).single() > 0;
    }

    /** Unticks the step; false when it was not ticked. */
    public boolean untick(UUID clientId, long itemId, int step, Instant at) {
        return jdbc.sql("""
                        with unticked as (
                            delete from work.checklist_tick where client_id = :client and item_id = :item and step = :step
                            returning item_id),
                        touched as (
                            update work.work_item set updated_at = :at
                             where client_id = :client and id = :item and exists (select 1 from unticked) returning id)
                        select count(*) from unticked""")
                .param("client", clientId).param("item", itemId).param("step", step).param("at", Timestamp.from(at))
                .query(Long.class).single() > 0;
    }
}
