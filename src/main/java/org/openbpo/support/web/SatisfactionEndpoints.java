package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.PostMapping;
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

    /**
     * The link in the survey mail. Mail scanners follow links, so a GET records nothing: it shows
     * the question with the clicked score chosen, and the customer's one more click confirms it.
     */
    @GetMapping("/forms/{clientCode}/csat/{token}")
    String confirm(@PathVariable String clientCode, @PathVariable String token, @RequestParam(required = false) @Nullable String score,
                   Model model, HttpServletResponse response) {
        Satisfaction.Survey survey;
        try {
            survey = satisfaction.survey(clientCode, token);
        } catch (NotFound e) {
            response.setStatus(404);
            return "support/unavailable";
        }
        Integer chosen = null;
        if (score != null && score.matches("[1-5]")) {
            chosen = Integer.parseInt(score);
        }
        model.addAttribute("survey", survey);
        model.addAttribute("clientCode", clientCode);
        model.addAttribute("token", token);
        model.addAttribute("chosen", chosen != null ? chosen : survey.score());
        model.addAttribute("labels", LABELS);
        return "support/csat-confirm";
    }

    /**
     * The customer's answer. No CSRF token (the page is public and stateless): the survey's own
     * secret token in the path is what binds the answer to the ticket. The same answer twice
     * changes nothing; a different one replaces it.
     */
    @PostMapping("/forms/{clientCode}/csat/{token}")
    String answer(@PathVariable String clientCode, @PathVariable String token, @RequestParam(required = false) @Nullable String score,
                  Model model, HttpServletResponse response) {
        int value;
        try {
            if (score == null || !score.matches("[0-9]{1,2}")) {
                throw BusinessRuleViolation.invalid("score", "is a number from 1 to 5");
            }
            value = Integer.parseInt(score);
            satisfaction.answer(clientCode, token, value);
        } catch (NotFound e) {
            response.setStatus(404);
            return "support/unavailable";
        } catch (BusinessRuleViolation e) {
            response.setStatus(e.status() == 400 ? 422 : e.status());
            return "support/unavailable";
        }
        model.addAttribute("score", value);
        return "support/csat";
    }

    private static final java.util.List<String> LABELS = java.util.List.of("Very dissatisfied", "Dissatisfied", "Neither",
            "Satisfied", "Very satisfied");

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
