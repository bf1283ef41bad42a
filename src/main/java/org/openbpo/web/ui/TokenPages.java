package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.IssuedToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.UUID;

/** Where a person issues and revokes their personal API tokens; a secret is shown once, right after issue. */
@Controller
@RequestMapping("/me/tokens")
class TokenPages {

    private final ApiTokens tokens;
    private final Clients clients;

    TokenPages(ApiTokens tokens, Clients clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("tokens", tokens.of(user));
        model.addAttribute("clients", user.providerStaff() ? clients.page(null, 200) : java.util.List.of());
        return "me/tokens";
    }

    @PostMapping
    String issue(@RequestParam String name, @RequestParam(required = false) @Nullable Integer validDays,
                 @RequestParam(required = false) @Nullable UUID clientId, @AuthenticationPrincipal CurrentUser user,
                 Model model, RedirectAttributes flash) {
        try {
            if (name.isBlank() || name.length() > 100) {
                throw BusinessRuleViolation.invalid("name", "Give the token a name of up to 100 characters.");
            }
            if (validDays != null && (validDays < 1 || validDays > 3650)) {
                throw BusinessRuleViolation.invalid("validDays", "A token is valid for 1 to 3650 days.");
            }
            IssuedToken issued = tokens.issue(user, name, clientId, validDays == null ? null : Duration.ofDays(validDays));
            flash.addFlashAttribute("issued", issued);
            return "redirect:/me/tokens";
        } catch (BusinessRuleViolation e) {
            model.addAttribute("error", e.getMessage());
            return list(user, model);
        }
    }

    @PostMapping("/{tokenId}/revoke")
    String revoke(@PathVariable UUID tokenId, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        tokens.revoke(tokenId, user);
        flash.addFlashAttribute("notice", "Token revoked; it no longer works.");
        return "redirect:/me/tokens";
    }
}
