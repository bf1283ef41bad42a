package org.openbpo.work.bench;

import java.util.List;
import java.util.stream.Stream;

/**
 * What the floors "with records" write besides the item, the same in the lifecycle's and get
 * next's: a timeline entry and an audit record for every change, the handling stretch from get next
 * to completion, and one completion event carrying the SLA verdict and handle time; with the
 * indexes those records and the item are read by besides get next's order (the SLA warning timer, an
 * agent's held items, an item's timeline, an entity's audit trail, the open handling stretch). The
 * item table is the floor's own; it is named {@code item} and has {@code client_id}, {@code id},
 * {@code assignee}, {@code state}, {@code updated_at}, {@code due_at}, {@code warn_at} and
 * {@code sla_met}.
 */
final class FloorRecords {

    private static final List<String> SHARED = List.of(
            "create index item_warning_due on item (warn_at) where state = 'new'",
            "create index item_assignee on item (assignee) where assignee is not null",
            """
            create table event (id bigint generated always as identity primary key, client_id uuid not null,
                                item_id bigint not null, at timestamptz not null, type text not null, data jsonb not null)""",
            "create index event_item on event (item_id)",
            """
            create table audit (id bigint generated always as identity primary key, client_id uuid not null,
                                at timestamptz not null, action text not null, entity_id bigint not null,
                                before jsonb, after jsonb not null)""",
            "create index audit_entity on audit (entity_id)",
            """
            create table handle_time (client_id uuid not null, item_id bigint not null, agent int not null,
                                      started_at timestamptz not null, ended_at timestamptz)""",
            "create index handle_time_open on handle_time (item_id) where ended_at is null",
            """
            create table completion (id bigint generated always as identity primary key, client_id uuid not null,
                                     item_id bigint not null, at timestamptz not null, sla_met boolean not null,
                                     handle_seconds numeric not null)""");

    private FloorRecords() {
    }

    /**
     * The floor's own item table (with its data and get next's index), then the item's other indexes
     * and the records' tables.
     */
    static List<String> schema(String... item) {
        return Stream.concat(Stream.of(item), SHARED.stream()).toList();
    }

    /**
     * Get next: the {@code chosen} item assigned to the agent (the statement's one parameter), its
     * handling started, a timeline entry and an audit record written; returns the item's id.
     */
    static String claim(String chosen) {
        return """
                with chosen as (%s),
                claimed as (
                    update item i set assignee = ?, updated_at = now() from chosen c where i.id = c.id
                    returning i.client_id, i.id, i.assignee),
                handling as (
                    insert into handle_time (client_id, item_id, agent, started_at)
                    select client_id, id, assignee, now() from claimed),
                timeline as (
                    insert into event (client_id, item_id, at, type, data)
                    select client_id, id, now(), 'assigned', jsonb_build_object('agent', assignee) from claimed),
                audited as (
                    insert into audit (client_id, at, action, entity_id, after)
                    select client_id, now(), 'work-item.assigned', id, jsonb_build_object('assignee', assignee) from claimed)
                select id from claimed""".formatted(chosen);
    }

    /**
     * Completion: the item (parameters: its id and its agent) moved from new into {@code state} with
     * its SLA verdict and {@code closing} columns set, its handling ended, a timeline entry, an audit
     * record and the completion event written; updates one row when the agent held the item.
     */
    static String close(String state, String closing) {
        return """
                with done as (
                    update item set state = '%1$s', updated_at = now(), sla_met = now() <= due_at%2$s
                     where id = ? and assignee = ? and state = 'new'
                    returning client_id, id, sla_met),
                handled as (
                    update handle_time h set ended_at = now() from done d
                     where h.item_id = d.id and h.ended_at is null
                    returning extract(epoch from h.ended_at - h.started_at) as seconds),
                timeline as (
                    insert into event (client_id, item_id, at, type, data)
                    select client_id, id, now(), 'moved', '{"state": "%1$s"}' from done),
                audited as (
                    insert into audit (client_id, at, action, entity_id, before, after)
                    select client_id, now(), 'work-item.moved', id, '{"state": "new"}', '{"state": "%1$s"}' from done)
                insert into completion (client_id, item_id, at, sla_met, handle_seconds)
                select d.client_id, d.id, now(), d.sla_met, h.seconds from done d, handled h""".formatted(state, closing);
    }
}
