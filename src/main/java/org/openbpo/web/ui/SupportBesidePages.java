package org.openbpo.web.ui;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.support.Macros;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    private final Macros macros;

    SupportBesidePages(SupportTickets tickets, KnowledgeBase knowledge, CustomerRecords customers, Macros macros) {
        this.macros = macros;
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
            return nothingBeside(model);
        } catch (BusinessRuleViolation e) {
            if (!"no-support-channel".equals(e.code())) {
                throw e;
            }
            // The client has no support desk, so none of its work is a ticket.
            return nothingBeside(model);
        }
        model.addAttribute("procedures", knowledge.proceduresFor(ticket));
        model.addAttribute("customer", customers.ofTicket(clientId, itemId).map(c -> customers.history(clientId, c.id())).orElse(null));
        model.addAttribute("ticketId", itemId);
        model.addAttribute("clientId", clientId);
        model.addAttribute("macros", ticket.category().closed() ? List.of() : macros.of(clientId, user));
        return "support/beside :: beside";
    }

    private static String nothingBeside(Model model) {
        model.addAttribute("procedures", List.of());
        model.addAttribute("customer", null);
        model.addAttribute("macros", List.of());
        return "support/beside :: beside";
    }

    /** An agent sends a canned reply from the ticket page; the page shows the ticket as it is afterwards. */
    @PostMapping("/support/beside/{clientId}/{itemId}/macros/{macroId}")
    String applyMacro(@PathVariable UUID clientId, @PathVariable long itemId, @PathVariable UUID macroId,
                      @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        AgentWorkspacePages.requireStaff(user);
        try {
            macros.apply(clientId, macroId, itemId, user);
            flash.addFlashAttribute("notice", "Reply sent.");
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/work/" + clientId + "/" + itemId;
    }
}
