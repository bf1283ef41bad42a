package org.openbpo.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.support.SupportRequest;
import org.openbpo.support.WebForms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/** A client's public support form, in the client's name and colour, for its customers and its own web site. */
@Controller
@RequestMapping("/forms/{clientCode}/support")
class SupportFormPage {

    private final WebForms forms;

    SupportFormPage(WebForms forms) {
        this.forms = forms;
    }

    @GetMapping
    String form(@PathVariable String clientCode, Model model) {
        model.addAttribute("page", forms.page(clientCode));
        model.addAttribute("request", new SupportRequest("", "", "", "", null));
        return "support/form";
    }

    @PostMapping
    String submit(@PathVariable String clientCode, @Valid @ModelAttribute("request") SupportRequest request, BindingResult errors,
                  HttpServletRequest http, HttpServletResponse response, Model model) {
        model.addAttribute("page", forms.page(clientCode));
        if (errors.hasErrors()) {
            response.setStatus(422);
            return "support/form";
        }
        try {
            return switch (forms.submit(clientCode, request, http.getRemoteAddr())) {
                case WebForms.Raised raised -> "redirect:/forms/" + path(clientCode) + "/support/received?reference=" + raised.reference();
                case WebForms.Trapped trapped -> "redirect:/forms/" + path(clientCode) + "/support/received";
            };
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("refusal", e.getMessage());
            return "support/form";
        }
    }

    @GetMapping("/received")
    String received(@PathVariable String clientCode, @RequestParam(required = false) @Nullable String reference, Model model) {
        model.addAttribute("page", forms.page(clientCode));
        model.addAttribute("reference", reference != null && reference.matches("WI-\\d{1,18}") ? reference : null);
        return "support/received";
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView unavailable(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("support/unavailable");
    }

    private static String path(String segment) {
        return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
    }
}
