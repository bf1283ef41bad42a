package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.support.Satisfaction;
import org.openbpo.support.SatisfactionSummary;
import org.openbpo.support.SupportTickets;
import org.openbpo.support.TicketOutcome;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Instant;
import java.util.UUID;

/** The customers' one-click survey answers, and the support KPIs for the client's contract. */
@Controller
@Tag(name = "Satisfaction", description = "CSAT, first-contact resolution and handle time of resolved tickets")
class SatisfactionEndpoints {

    private final Satisfaction satisfaction;
    private final SupportTickets tickets;

    SatisfactionEndpoints(Satisfaction satisfaction, SupportTickets tickets) {
        this.satisfaction = satisfaction;
        this.tickets = tickets;
    }

    @GetMapping("/forms/{clientCode}/csat/{token}")
    String answer(@PathVariable String clientCode, @PathVariable String token, @RequestParam String score, Model model,
                  HttpServletResponse response) {
        int value;
        try {
            value = Integer.parseInt(score);
            satisfaction.answer(clientCode, token, value);
        } catch (NumberFormatException | NotFound e) {
            response.setStatus(e instanceof NotFound ? 404 : 422);
            return "support/unavailable";
        } catch (BusinessRuleViolation e) {
            response.setStatus(e.status());
            return "support/unavailable";
        }
        model.addAttribute("score", value);
        return "support/csat";
    }

    @GetMapping("/api/v1/clients/{clientId}/support/satisfaction")
    @ResponseBody
    @Operation(summary = "CSAT, first-contact resolution and average handle time of a service line's tickets resolved in [from, to)")
    SatisfactionSummary summary(@PathVariable UUID clientId, @RequestParam String serviceLine, @RequestParam Instant from,
                                @RequestParam Instant to) {
        return satisfaction.summary(clientId, serviceLine, from, to);
    }

    @GetMapping("/api/v1/clients/{clientId}/support/tickets/{itemId}/outcome")
    @ResponseBody
    @Operation(summary = "A resolved ticket's handle time, first-contact resolution and CSAT answer")
    TicketOutcome outcome(@PathVariable UUID clientId, @PathVariable long itemId) {
        tickets.get(clientId, itemId);
        return satisfaction.ofTicket(clientId, itemId);
    }
}
