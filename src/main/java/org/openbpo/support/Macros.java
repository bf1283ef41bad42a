package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.support.persistence.ChannelSettingsRows;
import org.openbpo.support.persistence.MacroRows;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Macros and canned replies per client. A macro's placeholders are checked when it is written, so
 * a customer never receives a literal {{…}}; applying it answers the customer (by email when the
 * client's channel sends mail) and may move the ticket on, in one transaction.
 */
@Service
public class Macros {

    public static final List<String> PLACEHOLDERS = List.of("customer.name", "customer.email", "ticket.number", "ticket.reference",
            "ticket.title", "agent.name", "client.name");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

    private final MacroRows macros;
    private final SupportTickets tickets;
    private final CustomerRecords customers;
    private final CustomerReplies replies;
    private final ChannelSettingsRows channels;
    private final WorkItemComments comments;
    private final WorkItems workItems;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    Macros(MacroRows macros, SupportTickets tickets, CustomerRecords customers, CustomerReplies replies, ChannelSettingsRows channels,
           WorkItemComments comments, WorkItems workItems, Clients clients, AuditTrail audit, Clock clock) {
        this.macros = macros;
        this.tickets = tickets;
        this.customers = customers;
        this.replies = replies;
        this.channels = channels;
        this.comments = comments;
        this.workItems = workItems;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Macro write(UUID clientId, WriteMacro command, CurrentUser by) {
        clients.get(clientId);
        requireWriter(by);
        checkPlaceholders(command.body());
        if (macros.nameTaken(clientId, command.name().strip(), null)) {
            throw new BusinessRuleViolation(409, "name-taken", "name", "The client already has a macro called " + command.name().strip() + ".");
        }
        Macro macro = new Macro(Ids.next(), command.name().strip(), command.body().strip(), moveTo(command));
        macros.insert(clientId, macro, clock.instant());
        audit.record(clientId, "support.macro-written", "macro", macro.id(), null, macro);
        return macro;
    }

    /** A new text (or name, or next state) for a macro; the change is audited with the text it replaced. */
    @Transactional
    public Macro rewrite(UUID clientId, UUID macroId, WriteMacro command, CurrentUser by) {
        clients.get(clientId);
        Macro before = macros.find(clientId, macroId).orElseThrow(() -> new NotFound("macro", macroId));
        requireWriter(by);
        checkPlaceholders(command.body());
        if (macros.nameTaken(clientId, command.name().strip(), macroId)) {
            throw new BusinessRuleViolation(409, "name-taken", "name", "The client already has a macro called " + command.name().strip() + ".");
        }
        Macro after = new Macro(macroId, command.name().strip(), command.body().strip(), moveTo(command));
        macros.update(clientId, after, clock.instant());
        audit.record(clientId, "support.macro-rewritten", "macro", macroId, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public Macro get(UUID clientId, UUID macroId, CurrentUser by) {
        clients.get(clientId);
        Macro macro = macros.find(clientId, macroId).orElseThrow(() -> new NotFound("macro", macroId));
        SupportPermissions.requireProviderStaff(by);
        return macro;
    }

    /**
     * A text as the customer would read it: filled from the ticket when one is named, else from a
     * sample customer and ticket. Unknown placeholders are refused as they are when writing.
     */
    @Transactional(readOnly = true)
    public String preview(UUID clientId, String body, @Nullable Long itemId, CurrentUser by) {
        Client client = clients.get(clientId);
        SupportPermissions.requireProviderStaff(by);
        checkPlaceholders(body);
        if (itemId != null) {
            return fill(body, values(clientId, tickets.get(clientId, itemId), by));
        }
        Map<String, String> sample = new LinkedHashMap<>();
        sample.put("customer.name", "Jane Example");
        sample.put("customer.email", "jane@example.com");
        sample.put("ticket.number", "1234");
        sample.put("ticket.reference", "WI-1234");
        sample.put("ticket.title", "My order has not arrived");
        sample.put("agent.name", by.displayName());
        sample.put("client.name", channels.find(clientId).map(c -> c.displayName()).orElse(client.name()));
        return fill(body, sample);
    }

    /** Refuses a text with a {{…}} that is not one of {@link #PLACEHOLDERS}: the customer would read it literally. */
    public static void checkPlaceholders(String body) {
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw BusinessRuleViolation.invalid("body", "{{" + matcher.group(1) + "}} is not a placeholder; use one of "
                        + PLACEHOLDERS.stream().map(p -> "{{" + p + "}}").toList());
            }
        }
    }

    private static void requireWriter(CurrentUser by) {
        if (!(by.providerStaff() && (by.has(Role.TEAM_LEAD) || by.has(Role.OPERATIONS_MANAGER) || by.has(Role.ADMINISTRATOR)))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only team leads, operations managers and administrators write macros.");
        }
    }

    private static @Nullable String moveTo(WriteMacro command) {
        return command.moveTo() == null || command.moveTo().isBlank() ? null : command.moveTo().strip();
    }

    @Transactional(readOnly = true)
    public List<Macro> of(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireProviderStaff(by);
        return macros.of(clientId);
    }

    /** The macro's text for this ticket, placeholders filled in. */
    @Transactional(readOnly = true)
    public String render(UUID clientId, UUID macroId, long itemId, CurrentUser by) {
        clients.get(clientId);
        Macro macro = macros.find(clientId, macroId).orElseThrow(() -> new NotFound("macro", macroId));
        WorkItem ticket = tickets.get(clientId, itemId);
        SupportPermissions.requireAgent(by);
        return fill(macro.body(), values(clientId, ticket, by));
    }

    /** Sends the macro's answer on the ticket and moves it on if the macro says so; the ticket as it is afterwards. */
    @Transactional
    public WorkItem apply(UUID clientId, UUID macroId, long itemId, CurrentUser by) {
        String text = render(clientId, macroId, itemId, by);
        Macro macro = macros.find(clientId, macroId).orElseThrow();
        WorkItem ticket = tickets.get(clientId, itemId);
        boolean mails = channels.find(clientId).filter(c -> c.smtp() != null).isPresent() && ticket.form().get("customerEmail") != null;
        if (mails) {
            replies.reply(clientId, itemId, new ReplyToCustomer(text, null), by);
        } else {
            comments.respond(clientId, itemId, text, by);
        }
        audit.record(clientId, "support.macro-applied", "work-item", itemId, null, Map.of("macro", macro.name()));
        // The move's note is shown to the client on the ticket's timeline; the macro's name is the provider's own (audited above).
        return macro.moveTo() == null ? workItems.get(clientId, itemId)
                : workItems.move(clientId, itemId, new MoveWorkItem(macro.moveTo(), null), by);
    }

    private Map<String, String> values(UUID clientId, WorkItem ticket, CurrentUser by) {
        Client client = clients.get(clientId);
        var customer = customers.ofTicket(clientId, ticket.id());
        Object email = ticket.form().get("customerEmail");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer.name", customer.map(Customer::displayName).orElse(email == null ? "customer" : email.toString()));
        values.put("customer.email", customer.map(Customer::email).orElse(email == null ? "" : email.toString()));
        values.put("ticket.number", Long.toString(ticket.id()));
        values.put("ticket.reference", ticket.reference());
        values.put("ticket.title", ticket.title());
        values.put("agent.name", by.displayName());
        values.put("client.name", channels.find(clientId).map(c -> c.displayName()).orElse(client.name()));
        return values;
    }

    static String fill(String body, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
