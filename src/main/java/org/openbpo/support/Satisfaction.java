package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.quality.CustomerSatisfaction;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.OutcomeRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.TimelineEntry;
import org.openbpo.work.CompletedWorkConsumer;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Support KPIs per ticket and per service line. When a support ticket is resolved its outcome is
 * recorded once — handle time, whether it was resolved at the first contact — and the customer is
 * asked how satisfied they are, by email with five one-click links. Scorecards read the results
 * through {@link #summary}.
 */
@Service
public class Satisfaction implements CompletedWorkConsumer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern STATE = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

    private final OutcomeRows outcomes;
    private final ChannelSettingsRows channels;
    private final WorkItems workItems;
    private final WorkItemComments comments;
    private final WorkTypes workTypes;
    private final CustomerReplies replies;
    private final Clients clients;
    private final SurveyRules rules;
    private final CustomerSatisfaction scorecardCsat;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Satisfaction(OutcomeRows outcomes, ChannelSettingsRows channels, WorkItems workItems, WorkItemComments comments, WorkTypes workTypes,
                 CustomerReplies replies, Clients clients, SurveyRules rules, CustomerSatisfaction scorecardCsat, AuditTrail audit,
                 TransactionTemplate transactions, Clock clock) {
        this.outcomes = outcomes;
        this.channels = channels;
        this.workItems = workItems;
        this.comments = comments;
        this.workTypes = workTypes;
        this.replies = replies;
        this.clients = clients;
        this.rules = rules;
        this.scorecardCsat = scorecardCsat;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The client's support KPIs for tickets of the service line resolved in [from, to). */
    @Transactional(readOnly = true)
    public SatisfactionSummary summary(UUID clientId, String serviceLine, Instant from, Instant to) {
        clients.get(clientId);
        if (!to.isAfter(from)) {
            throw BusinessRuleViolation.invalid("to", "must be after from");
        }
        return outcomes.summary(clientId, serviceLine, from, to);
    }

    @Transactional(readOnly = true)
    public TicketOutcome ofTicket(UUID clientId, long itemId) {
        clients.get(clientId);
        return outcomes.of(clientId, itemId).orElseThrow(() -> new NotFound("ticket outcome", itemId));
    }

    @Override
    public String consumerName() {
        return "support.satisfaction";
    }

    @Override
    public void accept(WorkItemCompleted completed) {
        if (!StateCategory.DONE.name().equals(completed.outcome())) {
            return;
        }
        TenantScope.run(AllowedClients.only(completed.clientId()), () -> transactions.executeWithoutResult(tx -> resolved(completed)));
    }

    /** A batch of completions, the client's support channel read once per client. */
    @Override
    public void acceptAll(List<WorkItemCompleted> batch) {
        Map<UUID, Optional<StoredChannel>> channelOf = new HashMap<>();
        for (WorkItemCompleted completed : batch) {
            if (!StateCategory.DONE.name().equals(completed.outcome())) {
                continue;
            }
            TenantScope.run(AllowedClients.only(completed.clientId()), () -> transactions.executeWithoutResult(tx -> {
                Optional<StoredChannel> channel = channelOf.computeIfAbsent(completed.clientId(), channels::find);
                channel.filter(c -> c.serviceLine().equals(completed.serviceLine()))
                        .ifPresent(support -> resolved(completed, support));
            }));
        }
    }

    /** Records the outcome and sends the survey, once per ticket. */
    void resolved(WorkItemCompleted completed) {
        channels.find(completed.clientId()).filter(c -> c.serviceLine().equals(completed.serviceLine()))
                .ifPresent(channel -> resolved(completed, channel)); // else not a support ticket
    }

    private void resolved(WorkItemCompleted completed, StoredChannel channel) {
        UUID clientId = completed.clientId();
        WorkItem ticket = workItems.get(clientId, completed.itemId());
        boolean firstContact = firstContact(ticket);
        Object email = ticket.form().get("customerEmail");
        String token = null;
        Instant sentAt = null;
        if (email != null && channel.smtp() != null) {
            token = token();
            sentAt = clock.instant();
        }
        if (!outcomes.insert(clientId, ticket.id(), ticket.serviceLine(), completed.at(), completed.handleSeconds(), firstContact,
                token == null ? null : sha256(token), sentAt)) {
            return; // already recorded: the event came twice
        }
        if (token != null) {
            Client client = clients.get(clientId);
            replies.notify(clientId, ticket, email.toString(), "How did we do? " + ticket.title() + " [" + ticket.reference() + "]",
                    surveyText(client, channel, ticket, token), "satisfaction-survey");
        }
        audit.record(clientId, "support.ticket-outcome", "work-item", ticket.id(), null,
                Map.of("handleSeconds", completed.handleSeconds(), "firstContact", firstContact, "surveySent", token != null));
    }

    /** What a survey link's confirmation page shows: the ticket it is about and the answer given so far, if any. */
    public record Survey(String reference, String clientName, @Nullable Integer score) {
    }

    /**
     * The survey a link belongs to, read only: following the link (which mail scanners do) must
     * record nothing, so the link shows a confirmation page and only its POST answers.
     */
    public Survey survey(String clientCode, String token) {
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.byCode(clientCode))
                .orElseThrow(() -> new NotFound("survey", clientCode));
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            OutcomeRows.Survey survey = outcomes.peek(client.id(), sha256(token)).orElseThrow(() -> new NotFound("survey", "token"));
            String name = channels.find(client.id()).map(StoredChannel::displayName).orElse(client.name());
            return new Survey("WI-" + survey.itemId(), name, survey.score());
        }));
    }

    /** A customer confirms a score in the survey; the latest answer counts, the same answer twice changes nothing. */
    public int answer(String clientCode, String token, int score) {
        if (score < 1 || score > 5) {
            throw BusinessRuleViolation.invalid("score", "is a number from 1 to 5");
        }
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.byCode(clientCode))
                .orElseThrow(() -> new NotFound("survey", clientCode));
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            OutcomeRows.Survey survey = outcomes.survey(client.id(), sha256(token)).orElseThrow(() -> new NotFound("survey", "token"));
            if (survey.score() == null || survey.score() != score) {
                outcomes.answer(client.id(), survey.itemId(), score, clock.instant());
                scorecardCsat.surveyAnswered(client.id(), survey.itemId(), score, clock.instant());
                audit.record(client.id(), "support.csat-answered", "work-item", survey.itemId(),
                        survey.score() == null ? null : Map.of("score", survey.score()), Map.of("score", score));
            }
            return score;
        }));
    }

    /**
     * Resolved at the first contact: the customer never had to write again, the ticket never waited
     * on them and was never reopened.
     */
    private boolean firstContact(WorkItem ticket) {
        String customer = String.valueOf(ticket.form().getOrDefault("customerEmail", ticket.requester())).toLowerCase(Locale.ROOT);
        boolean customerWroteAgain = comments.of(ticket.clientId(), ticket.id()).stream()
                .anyMatch(c -> c.author().equalsIgnoreCase(customer) || c.author().equalsIgnoreCase(ticket.requester()));
        if (customerWroteAgain) {
            return false;
        }
        WorkTypeDefinition type = workTypes.version(ticket.clientId(), ticket.workType(), ticket.workTypeVersion());
        int resolutions = 0;
        for (TimelineEntry entry : workItems.timeline(ticket.clientId(), ticket.id())) {
            if (!entry.type().equals("moved")) {
                continue;
            }
            Matcher to = STATE.matcher(entry.data());
            if (!to.find()) {
                continue;
            }
            StateCategory category = type.state(to.group(1)).category();
            if (category.pausesSla() && !category.closed()) {
                return false;
            }
            if (category.closed()) {
                resolutions++;
            }
        }
        return resolutions <= 1;
    }

    private String surveyText(Client client, StoredChannel channel, WorkItem ticket, String token) {
        String base = rules.publicUrl().replaceAll("/+$", "") + "/forms/" + UriUtils.encodePathSegment(client.code(), StandardCharsets.UTF_8)
                + "/csat/" + token + "?score=";
        StringBuilder text = new StringBuilder("We have resolved your request " + ticket.reference() + " (" + ticket.title() + ").\n\n"
                + "How satisfied are you with our help? Click a score, then confirm it on the page that opens:\n\n");
        String[] labels = {"Very dissatisfied", "Dissatisfied", "Neither", "Satisfied", "Very satisfied"};
        for (int score = 5; score >= 1; score--) {
            text.append(score).append(" – ").append(labels[score - 1]).append(": ").append(base).append(score).append('\n');
        }
        return text.append("\nThank you, ").append(channel.displayName()).toString();
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
