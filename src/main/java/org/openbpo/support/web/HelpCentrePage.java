package org.openbpo.support.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.NotFound;
import org.openbpo.support.KnowledgeBase;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A client's public help centre: its published articles, searchable, in the client's name and colour, with the chat. */
@Controller
@RequestMapping("/forms/{clientCode}/help")
class HelpCentrePage {

    private final KnowledgeBase knowledge;

    HelpCentrePage(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping
    String index(@PathVariable String clientCode, @RequestParam(required = false) @Nullable String q, Model model) {
        String text = q == null ? null : q.length() > 200 ? q.substring(0, 200) : q;
        KnowledgeBase.HelpCentre centre = knowledge.helpCentre(clientCode, text);
        model.addAttribute("page", centre.page());
        model.addAttribute("articles", centre.articles());
        model.addAttribute("q", text == null ? "" : text);
        return "support/help";
    }

    @GetMapping("/{slug}")
    String article(@PathVariable String clientCode, @PathVariable String slug, Model model) {
        model.addAttribute("article", knowledge.publicArticle(clientCode, slug));
        model.addAttribute("page", knowledge.helpPage(clientCode));
        return "support/help-article";
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView unavailable(HttpServletResponse response) {
        response.setStatus(404);
        return new ModelAndView("support/unavailable");
    }
}
