package org.openbpo.support;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Assign, move or close several tickets at once. Each ticket is changed in a transaction of its
 * own through the work engine, which audits it and writes its timeline; one ticket that cannot be
 * changed (closed already, another client's, not allowed) is reported and does not stop the rest.
 */
@Service
public class BulkTicketActions {

    private final SupportTickets tickets;
    private final WorkItems workItems;
    private final WorkTypes workTypes;
    private final Clients clients;
    private final TransactionTemplate transactions;

    BulkTicketActions(SupportTickets tickets, WorkItems workItems, WorkTypes workTypes, Clients clients, TransactionTemplate transactions) {
        this.tickets = tickets;
        this.workItems = workItems;
        this.workTypes = workTypes;
        this.clients = clients;
        this.transactions = transactions;
    }

    public List<BulkAction.Result> apply(UUID clientId, BulkAction command, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireAgent(by);
        switch (command.action()) {
            case ASSIGN -> {
                if (command.agentId() == null) {
                    throw BusinessRuleViolation.invalid("agentId", "Say whom to assign the tickets to.");
                }
                if (!(by.has(Role.TEAM_LEAD) || by.has(Role.OPERATIONS_MANAGER) || by.has(Role.ADMINISTRATOR))) {
                    throw new BusinessRuleViolation(403, "team-lead-only", null, "Only team leads and operations managers assign work.");
                }
            }
            case MOVE -> {
                if (command.to() == null || command.to().isBlank()) {
                    throw BusinessRuleViolation.invalid("to", "Say which state to move the tickets to.");
                }
            }
            case CLOSE -> {
            }
        }
        List<BulkAction.Result> results = new ArrayList<>();
        for (long itemId : new LinkedHashSet<>(command.itemIds())) {
            try {
                transactions.executeWithoutResult(tx -> one(clientId, itemId, command, by));
                results.add(new BulkAction.Result(itemId, true, null, null));
            } catch (BusinessRuleViolation e) {
                results.add(new BulkAction.Result(itemId, false, e.code(), e.getMessage()));
            }
        }
        return results;
    }

    private void one(UUID clientId, long itemId, BulkAction command, CurrentUser by) {
        WorkItem ticket = tickets.get(clientId, itemId);
        switch (command.action()) {
            case ASSIGN -> workItems.assign(clientId, itemId, command.agentId(), by);
            case MOVE -> workItems.move(clientId, itemId, new MoveWorkItem(command.to(), command.note()), by);
            case CLOSE -> {
                WorkTypeDefinition type = workTypes.version(clientId, ticket.workType(), ticket.workTypeVersion());
                // the caller's own way to done; failing that the work type's, so that the engine says why it is not theirs
                String done = workItems.movesFor(clientId, itemId, by).stream().map(WorkTransition::to)
                        .filter(to -> type.state(to).category() == StateCategory.DONE).findFirst()
                        .or(() -> type.transitionsFrom(ticket.state()).stream().map(WorkTransition::to)
                                .filter(to -> type.state(to).category() == StateCategory.DONE).findFirst())
                        .orElseThrow(() -> BusinessRuleViolation.conflict("cannot-close",
                                ticket.reference() + " cannot be closed from '" + ticket.state() + "'."));
                workItems.move(clientId, itemId, new MoveWorkItem(done, command.note()), by);
            }
        }
    }
}
