package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.persistence.ArticleRows;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.WorkItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each client's knowledge base. Procedures (SOPs) are the provider's, for its agents, and appear
 * beside a ticket of their category or one whose title shares their words. Public articles make the
 * client's help centre, which anyone may read and search.
 */
@Service
public class KnowledgeBase {

    private static final int BESIDE = 5;

    /** The client's help centre as its customers see it. */
    public record HelpCentre(WebForms.FormPage page, List<Article> articles) {
    }

    private final ArticleRows articles;
    private final ChannelSettingsRows channels;
    private final Clients clients;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    KnowledgeBase(ArticleRows articles, ChannelSettingsRows channels, Clients clients, AuditTrail audit,
                  TransactionTemplate transactions, Clock clock) {
        this.articles = articles;
        this.channels = channels;
        this.clients = clients;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public Article write(UUID clientId, WriteArticle command, CurrentUser by) {
        clients.get(clientId);
        requireEditor(by);
        if (articles.bySlug(clientId, command.kind(), command.slug()).isPresent()) {
            throw new BusinessRuleViolation(409, "slug-taken", "slug", "Another article already has the address " + command.slug() + ".");
        }
        Instant now = clock.instant();
        Article article = new Article(Ids.next(), command.kind(), command.slug(), command.title().strip(), command.body().strip(),
                blankToNull(command.category()), command.published(), now, now, by.email());
        articles.insert(clientId, article);
        audit.record(clientId, "support.article-written", "article", article.id(), null,
                Map.of("kind", article.kind().name(), "slug", article.slug(), "title", article.title()));
        return article;
    }

    @Transactional
    public Article rewrite(UUID clientId, UUID id, WriteArticle command, CurrentUser by) {
        clients.get(clientId);
        Article before = articles.find(clientId, id).orElseThrow(() -> new NotFound("article", id));
        requireEditor(by);
        if (articles.slugTaken(clientId, command.kind(), command.slug(), id)) {
            throw new BusinessRuleViolation(409, "slug-taken", "slug", "Another article already has the address " + command.slug() + ".");
        }
        Article after = new Article(id, command.kind(), command.slug(), command.title().strip(), command.body().strip(),
                blankToNull(command.category()), command.published(), before.createdAt(), clock.instant(), by.email());
        articles.update(clientId, after);
        audit.record(clientId, "support.article-rewritten", "article", id,
                Map.of("title", before.title(), "published", before.published()), Map.of("title", after.title(), "published", after.published()));
        return after;
    }

    @Transactional(readOnly = true)
    public Article get(UUID clientId, UUID id, CurrentUser by) {
        clients.get(clientId);
        Article article = articles.find(clientId, id).orElseThrow(() -> new NotFound("article", id));
        if (article.kind() == Article.Kind.SOP) {
            SupportPermissions.requireProviderStaff(by);
        }
        return article;
    }

    /** The client's articles matching {@code text} (all, without it); the client's people see only public ones. */
    @Transactional(readOnly = true)
    public List<Article> search(UUID clientId, Article.@Nullable Kind kind, @Nullable String text, CurrentUser by) {
        clients.get(clientId);
        Article.Kind visible = by.providerStaff() ? kind : Article.Kind.PUBLIC;
        return articles.find(clientId, visible, !by.providerStaff(), blankToNull(text), 50);
    }

    /** The procedures to show beside a ticket. */
    @Transactional(readOnly = true)
    public List<Article> proceduresFor(WorkItem ticket) {
        Object category = ticket.form().get("category");
        String words = Arrays.stream(ticket.title().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() > 2).distinct().limit(12).collect(Collectors.joining(" | "));
        return articles.proceduresFor(ticket.clientId(), category == null ? null : category.toString(), words, BESIDE);
    }

    // --- The public help centre ---------------------------------------------------------------------

    public HelpCentre helpCentre(String clientCode, @Nullable String text) {
        Client client = client(clientCode);
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> new HelpCentre(page(client),
                articles.find(client.id(), Article.Kind.PUBLIC, true, blankToNull(text), 50))));
    }

    public Article publicArticle(String clientCode, String slug) {
        Client client = client(clientCode);
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            page(client);
            return articles.bySlug(client.id(), Article.Kind.PUBLIC, slug).filter(Article::published)
                    .orElseThrow(() -> new NotFound("article", slug));
        }));
    }

    public WebForms.FormPage helpPage(String clientCode) {
        Client client = client(clientCode);
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> page(client)));
    }

    private WebForms.FormPage page(Client client) {
        StoredChannel channel = channels.find(client.id()).orElseThrow(() -> new NotFound("help centre", client.code()));
        return new WebForms.FormPage(client.code(), channel.displayName(), channel.brandColour());
    }

    private Client client(String clientCode) {
        return TenantScope.call(AllowedClients.ALL, () -> clients.byCode(clientCode))
                .filter(c -> c.status() == ClientStatus.ACTIVE)
                .orElseThrow(() -> new NotFound("help centre", clientCode));
    }

    /** Procedures are the provider's to write; team leads, operations managers and administrators keep them. */
    private static void requireEditor(CurrentUser by) {
        if (!(by.providerStaff() && (by.has(Role.TEAM_LEAD) || by.has(Role.OPERATIONS_MANAGER) || by.has(Role.ADMINISTRATOR)))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only team leads, operations managers and administrators write articles.");
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
