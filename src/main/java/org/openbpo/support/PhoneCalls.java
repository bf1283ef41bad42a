package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.support.mail.Customers;
import org.openbpo.support.persistence.CallRows;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.StoredChannel;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The phone channel: the client's telephony reports calls through a webhook (authenticated by a
 * secret per client), agents log the calls it does not report. A call opens a ticket, or joins the
 * one it names, is linked to the caller's customer record by phone number, and its talk time
 * becomes the agent's handle time on the ticket. Events may arrive twice or out of order: the
 * call's id makes the second delivery a no-op, and an end without a start records both.
 */
@Service
public class PhoneCalls {

    /** The telephony's clock and ours may differ a little; beyond this a moment is refused as in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secret a client's telephony proves itself with, shown once. */
    public record CtiSecret(String secret, String header) {
    }

    private final Clients clients;
    private final ChannelSettingsRows channels;
    private final CallRows calls;
    private final WorkItems workItems;
    private final WorkItemComments comments;
    private final CustomerRecords customers;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PhoneCalls(Clients clients, ChannelSettingsRows channels, CallRows calls, WorkItems workItems, WorkItemComments comments,
               CustomerRecords customers, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.channels = channels;
        this.calls = calls;
        this.workItems = workItems;
        this.comments = comments;
        this.customers = customers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new secret for the client's telephony; the old one stops working at once. */
    @Transactional
    public CtiSecret issueSecret(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        channel(clientId);
        SupportPermissions.requireChannelAdministrator(by);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "cti_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        calls.setSecret(clientId, sha256(secret));
        audit.record(clientId, "support.cti-secret-issued", "channel", clientId, null, Map.of("by", by.email()));
        return new CtiSecret(secret, "X-CTI-Secret");
    }

    /** A call event from the client's telephony; refused unless it carries the client's secret. */
    public Call receive(String clientCode, @Nullable String secret, CallEvent event) {
        Client client = TenantScope.call(AllowedClients.ALL, () -> clients.byCode(clientCode))
                .filter(c -> c.status() == ClientStatus.ACTIVE).orElseThrow(() -> new NotFound("telephony channel", clientCode));
        return TenantScope.call(AllowedClients.only(client.id()), () -> transactions.execute(tx -> {
            String expected = calls.secretHash(client.id()).orElseThrow(() -> new NotFound("telephony channel", clientCode));
            if (secret == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    sha256(secret).getBytes(StandardCharsets.US_ASCII))) {
                throw new BusinessRuleViolation(401, "unauthorized", "X-CTI-Secret", "The telephony secret is missing or wrong.");
            }
            return handle(client.id(), event, "CTI", null);
        }));
    }

    /** An agent logs a finished call. */
    @Transactional
    public Call log(UUID clientId, LogCall command, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireAgent(by);
        if (!command.endedAt().isAfter(command.startedAt())) {
            throw BusinessRuleViolation.invalid("endedAt", "must be after startedAt");
        }
        Call call = handle(clientId, new CallEvent("call.ended", "agent-" + Ids.next(), command.caller(), command.direction(),
                by.id(), command.ticket(), command.endedAt(),
                (int) Duration.between(command.startedAt(), command.endedAt()).toSeconds(), null), "AGENT", by);
        comments.add(clientId, call.itemId(), by.email(), command.note().strip(), WorkItemComments.Visibility.INTERNAL);
        return call;
    }

    @Transactional(readOnly = true)
    public List<Call> page(UUID clientId, Instant before, int limit, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireProviderStaff(by);
        return calls.page(clientId, before, limit);
    }

    /** The calls about one ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<Call> ofTicket(UUID clientId, long itemId, CurrentUser by) {
        clients.get(clientId);
        workItems.get(clientId, itemId); // another client's ticket is not found before anything else is said
        SupportPermissions.requireProviderStaff(by);
        return calls.ofTicket(clientId, itemId);
    }

    @Transactional(readOnly = true)
    public Call get(UUID clientId, UUID callId, CurrentUser by) {
        clients.get(clientId);
        Call call = calls.find(clientId, callId).orElseThrow(() -> new NotFound("call", callId));
        SupportPermissions.requireProviderStaff(by);
        return call;
    }

    private Call handle(UUID clientId, CallEvent event, String source, @Nullable CurrentUser by) {
        StoredChannel channel = channel(clientId);
        Instant now = clock.instant();
        Instant at = event.at() == null ? now : event.at();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw BusinessRuleViolation.invalid("at", "is in the future");
        }
        calls.lockKey(clientId, event.callId());
        Call call = calls.lockByKey(clientId, event.callId()).orElse(null);
        if (call == null) {
            Instant started = event.ended() && event.talkSeconds() != null ? at.minusSeconds(event.talkSeconds()) : at;
            call = start(clientId, channel, event, started, source, by);
        }
        if (event.ended() && call.endedAt() == null) {
            end(clientId, call, event, at);
        }
        return calls.find(clientId, call.id()).orElseThrow();
    }

    private Call start(UUID clientId, StoredChannel channel, CallEvent event, Instant at, String source, @Nullable CurrentUser by) {
        String caller = CustomerRecords.phone(event.caller());
        Customer customer = customers.identify(clientId, IdentifyCustomer.byPhone(caller));
        WorkItem ticket;
        if (event.ticket() != null) {
            long itemId = Long.parseLong(event.ticket().substring(3));
            ticket = workItems.get(clientId, itemId);
            if (!ticket.serviceLine().equals(channel.serviceLine())) {
                throw new NotFound("ticket", itemId);
            }
        } else {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("description", "Phone call from " + caller + ".");
            if (customer.email() != null) {
                form.put("customerEmail", customer.email());
            }
            ticket = workItems.create(clientId, new CreateWorkItem(channel.serviceLine(), null, null, "Call from " + caller, form, "PHONE"),
                    by != null ? by : Customers.of(clientId, customer.email() != null ? customer.email() : caller, customer.name()));
        }
        customers.link(clientId, ticket.id(), customer.id(), "PHONE");
        Call call = new Call(Ids.next(), event.callId(), ticket.id(), customer.id(), caller,
                event.direction() == null ? Call.Direction.INBOUND : event.direction(), event.agentId(), at, null, null,
                event.recordingUrl(), source);
        calls.insert(clientId, call);
        audit.record(clientId, "support.call-started", "work-item", ticket.id(), null,
                Map.of("call", call.id().toString(), "callKey", call.callKey(), "caller", caller));
        return call;
    }

    private void end(UUID clientId, Call call, CallEvent event, Instant at) {
        Instant endedAt = at.isBefore(call.startedAt()) ? call.startedAt() : at;
        int talk = event.talkSeconds() != null ? event.talkSeconds() : (int) Duration.between(call.startedAt(), endedAt).toSeconds();
        WorkItem ticket = workItems.get(clientId, call.itemId());
        UUID agent = event.agentId() != null ? event.agentId() : call.agentId() != null ? call.agentId() : ticket.assigneeId();
        calls.ended(clientId, call.id(), agent, endedAt, talk, event.recordingUrl());
        String recording = event.recordingUrl() != null ? event.recordingUrl() : call.recordingUrl();
        String note = "Phone call with " + call.caller() + " ended after " + talk / 60 + ":" + String.format("%02d", talk % 60)
                + (recording == null ? "." : ". Recording: " + recording);
        if (agent != null && talk > 0) {
            workItems.recordHandleTime(clientId, call.itemId(), agent, endedAt.minusSeconds(talk), endedAt, "phone call");
        } else if (agent == null) {
            note += " No agent was named, so the talk time is not counted as anyone's handle time.";
        }
        comments.add(clientId, call.itemId(), "telephony", note, WorkItemComments.Visibility.INTERNAL);
        audit.record(clientId, "support.call-ended", "work-item", call.itemId(), null,
                Map.of("call", call.id().toString(), "talkSeconds", talk));
    }

    private StoredChannel channel(UUID clientId) {
        return channels.find(clientId).orElseThrow(() ->
                BusinessRuleViolation.conflict("no-support-channel", "The client's support channel is not set up yet."));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
