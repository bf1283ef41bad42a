package org.openbpo.work;

import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.persistence.QueueRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A client's queues, and the team lead's view of what waits in them. */
@Service
public class Queues {

    /** Live counts of one queue for the team lead's overview and the agent's "my queues". */
    public record QueueLoad(Queue queue, long waiting, long assigned, long pending, long overdue) {
    }

    private final QueueRows rows;
    private final Clients clients;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Queues(QueueRows rows, Clients clients, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Queue open(UUID clientId, OpenQueue command) {
        clients.get(clientId);
        if (rows.byCode(clientId, command.code()).isPresent()) {
            throw new BusinessRuleViolation(409, "queue-code-taken", "code", "Queue " + command.code() + " already exists.");
        }
        Queue queue = new Queue(clientId, Ids.next(), command.code(), command.name().strip(), command.serviceLine(),
                command.requiredSkill(), command.minProficiency() == null ? 1 : command.minProficiency(), command.language());
        rows.insert(queue, clock.instant());
        audit.record(clientId, "queue.opened", "queue", queue.id(), null, queue);
        return queue;
    }

    @Transactional(readOnly = true)
    public List<Queue> of(UUID clientId) {
        clients.get(clientId);
        return rows.ofClient(clientId);
    }

    @Transactional(readOnly = true)
    public List<Queue> ofClients(Collection<UUID> clientIds) {
        return rows.ofClients(clientIds);
    }

    @Transactional(readOnly = true)
    public List<QueueLoad> load(Collection<Queue> queues) {
        return queues.stream().map(queue -> jdbc.sql("""
                        select count(*) filter (where assignee_id is null and category in ('NEW', 'OPEN')),
                               count(*) filter (where assignee_id is not null and category in ('NEW', 'OPEN', 'REVIEW')),
                               count(*) filter (where category in ('PENDING_CLIENT', 'PENDING_THIRD_PARTY')),
                               count(*) filter (where breached_at is not null and category not in ('DONE', 'CANCELLED'))
                          from work.work_item where client_id = ? and queue_id = ? and category not in ('DONE', 'CANCELLED')""")
                .params(queue.clientId(), queue.id())
                .query((rs, n) -> new QueueLoad(queue, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single()).toList();
    }
}
