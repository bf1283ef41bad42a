package org.openbpo.web.ui;

import org.openbpo.shared.error.NotFound;
import org.openbpo.support.CustomerRecords;
import org.openbpo.support.KnowledgeBase;
import org.openbpo.support.SupportTickets;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.UUID;

/**
 * What an agent sees beside a support ticket: the client's procedures that apply to it and the
 * customer's record with their other tickets. Loaded into the item page; empty for other work.
 */
@Controller
class SupportBesidePages {

    private final SupportTickets tickets;
    private final KnowledgeBase knowledge;
    private final CustomerRecords customers;

    SupportBesidePages(SupportTickets tickets, KnowledgeBase knowledge, CustomerRecords customers) {
        this.tickets = tickets;
        this.knowledge = knowledge;
        this.customers = customers;
    }

    @GetMapping("/support/beside/{clientId}/{itemId}")
    String beside(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user, Model model) {
        AgentWorkspacePages.requireStaff(user);
        WorkItem ticket;
        try {
            ticket = tickets.get(clientId, itemId);
        } catch (NotFound e) {
            // Not a support ticket (or not one the agent may see): nothing to show beside it.
            model.addAttribute("procedures", List.of());
            model.addAttribute("customer", null);
            return "support/beside :: beside";
        }
        model.addAttribute("procedures", knowledge.proceduresFor(ticket));
        model.addAttribute("customer", customers.ofTicket(clientId, itemId).map(c -> customers.history(clientId, c.id())).orElse(null));
        model.addAttribute("ticketId", itemId);
        model.addAttribute("clientId", clientId);
        return "support/beside :: beside";
    }
}
