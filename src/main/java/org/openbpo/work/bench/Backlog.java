package org.openbpo.work.bench;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.work.Queue;
import org.openbpo.work.WorkTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generates open support tickets straight into work.work_item, 100,000 rows per statement
 * (INSERT … SELECT over generate_series), spread evenly over the floor's queues, with the SLA
 * columns the engine would have computed (wall-clock targets of the floor's contract): 10% LOW,
 * 70% NORMAL, 15% HIGH, 5% URGENT, created over the last day. Only the measured operations go through the engine; a million items through the
 * facade one by one would measure the set-up, not the engine. No timeline rows are generated.
 */
@Component
class Backlog {

    /** When the generated items' SLA warning falls. */
    enum Warning {
        /** A day or more ahead: nothing fires while get-next is measured. */
        AHEAD,
        /** Within the last ten minutes: every item is due for escalation at once. */
        DUE_NOW
    }

    private static final int CHUNK = 100_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WorkTypes workTypes;
    private final Clock clock;

    Backlog(JdbcClient jdbc, TransactionTemplate transactions, WorkTypes workTypes, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.workTypes = workTypes;
        this.clock = clock;
    }

    void generate(List<OperationsFloor.ClientUnderContract> clients, int items, Warning warning) {
        List<UUID> clientIds = new ArrayList<>();
        List<UUID> queueIds = new ArrayList<>();
        List<UUID> contractIds = new ArrayList<>();
        List<Integer> contractVersions = new ArrayList<>();
        List<Integer> typeVersions = new ArrayList<>();
        TenantScope.run(AllowedClients.ALL, () -> {
            for (OperationsFloor.ClientUnderContract client : clients) {
                int typeVersion = workTypes.current(client.client().id(), OperationsFloor.WORK_TYPE).version();
                for (Queue queue : client.queues()) {
                    clientIds.add(client.client().id());
                    queueIds.add(queue.id());
                    contractIds.add(client.contract().id());
                    contractVersions.add(client.contract().version());
                    typeVersions.add(typeVersion);
                }
            }
        });
        Instant now = clock.instant();
        // Rows go in as they would arrive: created over the last day in id order, so that an item's
        // SLA moments follow its position in the table, as they do for real work.
        String due = warning == Warning.AHEAD
                ? "t.created + interval '2 days' + t.target"
                : "?::timestamptz - interval '10 minutes' + g * (interval '10 minutes' / ?) + t.target / 4";
        String sql = """
                insert into work.work_item (client_id, id, work_type, work_type_version, contract_id, contract_version,
                    service_line, queue_id, priority, state, category, title, form, channel, requester, created_at,
                    updated_at, first_response_due_at, sla_target_secs, sla_warn_share, sla_consumed_secs,
                    sla_running_since, due_at, warn_at)
                select q.client_id, nextval('work.work_item_id_seq'), 'support-ticket', q.type_version, q.contract_id,
                       q.contract_version, 'support', q.queue_id, p.priority, 'new', 'NEW', 'Generated ticket ' || g,
                       jsonb_build_object('description', 'Generated ticket ' || g), 'API', 'backlog@openbpo.example',
                       t.created, t.created, t.created + interval '2 hours', extract(epoch from t.target)::bigint, 0.75, 0,
                       t.created, d.due, d.due - t.target / 4
                  from generate_series(?::bigint, ?::bigint) g
                  join unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::int[], ?::int[])
                       with ordinality as q(client_id, queue_id, contract_id, contract_version, type_version, n)
                    on q.n = g % ? + 1
                 cross join lateral (select case when (g * 7919) % 100 < 10 then 0 when (g * 7919) % 100 < 80 then 1
                                                 when (g * 7919) % 100 < 95 then 2 else 3 end as priority) p
                 cross join lateral (select ?::timestamptz - interval '1 day' + g * (interval '1 day' / ?) as created,
                                            (array[2400, 960, 480, 120])[p.priority + 1] * interval '1 minute' as target) t
                 cross join lateral (select DUE as due) d""".replace("DUE", due);
        for (long from = 1; from <= items; from += CHUNK) {
            long to = Math.min(items, from + CHUNK - 1);
            long first = from;
            TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> jdbc.sql(sql)
                    .params(first, to, clientIds.toArray(UUID[]::new), queueIds.toArray(UUID[]::new),
                            contractIds.toArray(UUID[]::new), contractVersions.toArray(Integer[]::new),
                            typeVersions.toArray(Integer[]::new), queueIds.size(), Timestamp.from(now), items)
                    .params(warning == Warning.AHEAD ? List.of() : List.of(Timestamp.from(now), items))
                    .update()));
            System.out.printf("  %,d of %,d items generated%n", to, items);
        }
    }
}
