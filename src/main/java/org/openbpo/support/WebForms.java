package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.mail.Customers;
import org.openbpo.support.mail.WebFormRules;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.FormSubmissionRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Each client's public support form: anyone may write, so the form sets a trap for robots and
 * counts requests per sender. A request becomes a ticket on the client's support line, and the
 * customer gets its reference by email.
 */
@Service
public class WebForms {

    private static final Logger LOG = LoggerFactory.getLogger(WebForms.class);

    /** What the form page shows of the client: its name as its customers know it, and its colour. */
    public record FormPage(String clientCode, String displayName, @Nullable String brandColour) {
    }

    public sealed interface Outcome permits Raised, Trapped {
    }

    public record Raised(String reference) implements Outcome {
    }

    /** A robot filled in the trap: it is told nothing, and nothing is raised. */
    public record Trapped() implements Outcome {
    }

    private final Clients clients;
    private final ChannelSettingsRows channels;
    private final FormSubmissionRows submissions;
    private final WorkItems workItems;
    private final CustomerReplies replies;
    private final WebFormRules rules;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CustomerRecords customers;

    WebForms(Clients clients, ChannelSettingsRows channels, FormSubmissionRows submissions, WorkItems workItems,
             CustomerReplies replies, WebFormRules rules, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
             CustomerRecords customers) {
        this.customers = customers;
        this.clients = clients;
        this.channels = channels;
        this.submissions = submissions;
        this.workItems = workItems;
        this.replies = replies;
        this.rules = rules;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    public FormPage page(String clientCode) {
        Client client = client(clientCode);
        StoredChannel channel = channel(client);
        return new FormPage(client.code(), channel.displayName(), channel.brandColour());
    }

    public Outcome submit(String clientCode, SupportRequest request, String senderAddress) {
        Client client = client(clientCode);
        if (request.website() != null && !request.website().isBlank()) {
            LOG.info("A robot filled in the trap on the support form of {}; nothing was raised.", clientCode);
            return new Trapped();
        }
        String sender = sha256(senderAddress);
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            StoredChannel channel = channel(client);
            // One sender's requests are counted one after the other, so parallel posts cannot slip past the limit.
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(? || '/' || ?, 0))").params(client.id().toString(), sender)
                    .query(Object.class).single();
            Instant now = clock.instant();
            if (submissions.countSince(client.id(), sender, now.minus(Duration.ofHours(1))) >= rules.maxPerSenderPerHour()) {
                throw new BusinessRuleViolation(429, "too-many-requests", null,
                        "You have sent us several requests in the last hour. Please try again later, or write to "
                                + channel.inboundAddress() + ".");
            }
            String email = request.email().strip().toLowerCase(java.util.Locale.ROOT);
            WorkItem ticket = workItems.create(client.id(), new CreateWorkItem(channel.serviceLine(), null, null,
                    request.subject().strip(), Map.of("customerEmail", email, "description", request.message().strip()), "WEB"),
                    Customers.of(client.id(), email, request.name().strip()));
            submissions.insert(client.id(), Ids.next(), sender, now, ticket.id());
            customers.linkNew(client.id(), ticket, IdentifyCustomer.byEmail(email, request.name().strip()));
            replies.acknowledge(client.id(), ticket, email, request.name().strip());
            return new Raised(ticket.reference());
        }));
    }

    /** Only active clients who switched the form on have one; anything else is simply not there. */
    private Client client(String clientCode) {
        Optional<Client> client = TenantScope.call(AllowedClients.ALL, () -> clients.byCode(clientCode));
        return client.filter(c -> c.status() == ClientStatus.ACTIVE)
                .orElseThrow(() -> new NotFound("support form", clientCode));
    }

    private StoredChannel channel(Client client) {
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> channels.find(client.id())))
                .filter(StoredChannel::webForm)
                .orElseThrow(() -> new NotFound("support form", client.code()));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
