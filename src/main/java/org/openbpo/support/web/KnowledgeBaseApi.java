package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.support.Article;
import org.openbpo.support.KnowledgeBase;
import org.openbpo.support.SupportTickets;
import org.openbpo.support.WriteArticle;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/support")
@Tag(name = "Knowledge base", description = "Internal procedures beside the tickets, public articles in the client's help centre")
class KnowledgeBaseApi {

    private final KnowledgeBase knowledge;
    private final SupportTickets tickets;

    KnowledgeBaseApi(KnowledgeBase knowledge, SupportTickets tickets) {
        this.knowledge = knowledge;
        this.tickets = tickets;
    }

    @PostMapping("/articles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write an article (team leads, operations managers, administrators)")
    Article write(@PathVariable UUID clientId, @Valid @RequestBody WriteArticle command, @AuthenticationPrincipal CurrentUser user) {
        return knowledge.write(clientId, command, user);
    }

    @PutMapping("/articles/{articleId}")
    Article rewrite(@PathVariable UUID clientId, @PathVariable UUID articleId, @Valid @RequestBody WriteArticle command,
                    @AuthenticationPrincipal CurrentUser user) {
        return knowledge.rewrite(clientId, articleId, command, user);
    }

    @GetMapping("/articles")
    @Operation(summary = "Find articles by their words (web-search syntax); the client's people see public articles only")
    List<Article> search(@PathVariable UUID clientId, @RequestParam(required = false) Article.@Nullable Kind kind,
                         @RequestParam(required = false) @Nullable String q, @AuthenticationPrincipal CurrentUser user) {
        return knowledge.search(clientId, kind, q, user);
    }

    @GetMapping("/articles/{articleId}")
    Article get(@PathVariable UUID clientId, @PathVariable UUID articleId, @AuthenticationPrincipal CurrentUser user) {
        return knowledge.get(clientId, articleId, user);
    }

    @GetMapping("/tickets/{itemId}/procedures")
    @Operation(summary = "The procedures that apply to a ticket (provider staff)")
    List<Article> procedures(@PathVariable UUID clientId, @PathVariable long itemId, @AuthenticationPrincipal CurrentUser user) {
        var ticket = tickets.get(clientId, itemId);
        if (!user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Procedures are the provider's.");
        }
        return knowledge.proceduresFor(ticket);
    }
}
