package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.support.Customer;
import org.openbpo.support.CustomerHistory;
import org.openbpo.support.CustomerRecords;
import org.openbpo.support.MergeCustomers;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/**
 * The customers of the client in focus: found by name, organisation, email or phone; one
 * customer's tickets on every channel; and folding a duplicate record into the one viewed.
 */
@Controller
class CustomerPages {

    private static final int LISTED = 50;
    private static final UUID LAST = new UUID(-1L, -1L);

    private final CustomerRecords customers;
    private final ClientFocus focus;

    CustomerPages(CustomerRecords customers, ClientFocus focus) {
        this.customers = customers;
        this.focus = focus;
    }

    @GetMapping("/support/customers")
    String customers(@RequestParam(required = false) @Nullable UUID client, @RequestParam(required = false) @Nullable String q,
                     @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        if (client != null) {
            return focus.linkTo(user, client, "/support/customers", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Customers", "/support/customers");
        }
        model.addAttribute("client", chosen);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("customers", customers.page(chosen.id(), limited(q), LAST, LISTED));
        return "support/customers";
    }

    @GetMapping("/support/customers/{customerId}")
    String customer(@PathVariable UUID customerId, @RequestParam(required = false) @Nullable String duplicate,
                    @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Customers", "/support/customers");
        }
        CustomerHistory history = customers.history(chosen.id(), customerId);
        if (!history.customer().id().equals(customerId)) {
            // a merged record: show the one it lives on in
            return "redirect:/support/customers/" + history.customer().id();
        }
        List<Customer> candidates = duplicate == null || duplicate.isBlank() ? List.of()
                : customers.page(chosen.id(), limited(duplicate), LAST, 20).stream()
                .filter(other -> !other.id().equals(customerId)).toList();
        model.addAttribute("client", chosen);
        model.addAttribute("history", history);
        model.addAttribute("duplicate", duplicate == null ? "" : duplicate);
        model.addAttribute("candidates", candidates);
        return "support/customer";
    }

    @PostMapping("/support/customers/{customerId}/merges")
    String merge(@PathVariable UUID customerId, @RequestParam UUID other, @AuthenticationPrincipal CurrentUser user,
                 HttpServletRequest request, RedirectAttributes flash, Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Customers", "/support/customers");
        }
        try {
            Customer survivor = customers.merge(chosen.id(), customerId, new MergeCustomers(other), user);
            flash.addFlashAttribute("notice", "The records are one now: " + survivor.displayName() + ".");
        } catch (BusinessRuleViolation e) {
            if (e.status() == 404) {
                throw e;
            }
            flash.addFlashAttribute("notice", e.getMessage());
        }
        return "redirect:/support/customers/" + customerId;
    }

    private static @Nullable String limited(@Nullable String text) {
        if (text != null && text.length() > 200) {
            throw BusinessRuleViolation.invalid("q", "is longer than 200 characters");
        }
        return text;
    }
}
