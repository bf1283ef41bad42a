package org.openbpo.quality;

import org.openbpo.audit.AuditTrail;
import org.openbpo.quality.persistence.CsatRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * CSAT responses per work item: customers' answers to support's own survey, and those handed in by
 * another survey tool the client or provider uses. One response per item; the scorecard's CSAT is the
 * average score, on the same 1–5 scale as the contracts' CSAT targets.
 */
@Service
public class CustomerSatisfaction {

    private final CsatRows responses;
    private final WorkItems workItems;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerSatisfaction(CsatRows responses, WorkItems workItems, Clients clients, AuditTrail audit, Clock clock) {
        this.responses = responses;
        this.workItems = workItems;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void record(UUID clientId, CsatResponse response, CurrentUser by) {
        clients.get(clientId);
        WorkItem item = workItems.get(clientId, response.itemId());
        by.requireAny("record CSAT responses", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.TEAM_LEAD, Role.QA_ANALYST,
                Role.CLIENT_ADMINISTRATOR);
        Instant at = response.respondedAt() == null ? clock.instant() : response.respondedAt();
        if (at.isAfter(clock.instant())) {
            throw BusinessRuleViolation.invalid("respondedAt", "a response cannot come from the future");
        }
        if (!responses.insert(clientId, item.id(), item.serviceLine(), response.score(), response.comment(), at)) {
            throw BusinessRuleViolation.conflict("already-answered", item.reference() + " has a CSAT response already.");
        }
        audit.record(clientId, "qa.csat.recorded", "work-item", item.id(), null, Map.of("score", response.score()));
    }

    /**
     * A customer's answer to the survey support sent when their ticket was resolved: it counts in the scorecard's CSAT
     * as the response for that item, the latest answer replacing an earlier one (as support counts it).
     */
    @Transactional
    public void surveyAnswered(UUID clientId, long itemId, int score, Instant at) {
        WorkItem item = workItems.get(clientId, itemId);
        responses.answer(clientId, item.id(), item.serviceLine(), score, at);
    }
}
