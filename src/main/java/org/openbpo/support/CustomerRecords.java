package org.openbpo.support;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.support.Customer.Contact;
import org.openbpo.support.Customer.ContactKind;
import org.openbpo.support.persistence.CustomerRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A client's customers across channels. Every channel identifies the person it hears from by the
 * contacts it knows (an email address, a phone number); the person is found by any of them, and
 * when one conversation names contacts of two records — a chat giving the email of one and the
 * phone of another — the two are the same person and are merged. Staff may merge by hand too.
 */
@Service
public class CustomerRecords {

    private static final int HISTORY = 100;

    private final CustomerRows rows;
    private final WorkItems workItems;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerRecords(CustomerRows rows, WorkItems workItems, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.workItems = workItems;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** The customer these contacts belong to, created or merged as needed, in the caller's transaction. */
    @Transactional
    public Customer identify(UUID clientId, IdentifyCustomer who) {
        List<Contact> contacts = contacts(who);
        if (contacts.isEmpty()) {
            throw BusinessRuleViolation.invalid("email", "Give the customer's email address or phone number.");
        }
        contacts.stream().sorted(Comparator.comparing(Contact::kind).thenComparing(Contact::value))
                .forEach(contact -> rows.lockContact(clientId, contact));
        Instant now = clock.instant();
        Set<UUID> owners = new LinkedHashSet<>();
        for (Contact contact : contacts) {
            rows.ownerOf(clientId, contact).ifPresent(owners::add);
        }
        UUID id;
        if (owners.isEmpty()) {
            id = Ids.next();
            rows.insert(clientId, id, blankToNull(who.name()), blankToNull(who.organisation()), now);
            audit.record(clientId, "support.customer-created", "customer", id, null,
                    Map.of("contacts", contacts.stream().map(Contact::value).toList()));
            for (Contact contact : contacts) {
                rows.addContact(clientId, id, contact, now);
            }
            // A new record is what was just written: no need to read it back.
            return new Customer(id, blankToNull(who.name()), blankToNull(who.organisation()),
                    contacts.stream().sorted(Comparator.comparing(Contact::kind)).toList(), null, now);
        } else {
            // The oldest record survives: it is the one most tickets already point at.
            List<UUID> ordered = owners.stream().sorted().toList();
            id = ordered.getFirst();
            for (UUID other : ordered.subList(1, ordered.size())) {
                fold(clientId, id, other, "automatic: one conversation named contacts of both", now);
            }
            rows.complete(clientId, id, blankToNull(who.name()), blankToNull(who.organisation()), now);
        }
        for (Contact contact : contacts) {
            rows.addContact(clientId, id, contact, now);
        }
        return rows.find(clientId, id).orElseThrow();
    }

    /** Links a ticket to the customer it is about; a ticket keeps its first customer. */
    @Transactional
    public void link(UUID clientId, long itemId, UUID customerId, String channel) {
        rows.link(clientId, itemId, customerId, channel, clock.instant());
    }

    /** A new ticket and the person it came from. */
    public record NewTicket(WorkItem ticket, IdentifyCustomer who) {
    }

    /** Identifies the customer and links the ticket to them: what every channel does with a new ticket. */
    @Transactional
    public Customer linkNew(UUID clientId, WorkItem ticket, IdentifyCustomer who) {
        List<Contact> contacts = contacts(who);
        if (contacts.size() != 1) {
            Customer customer = identify(clientId, who);
            link(clientId, ticket.id(), customer.id(), ticket.channel());
            return customer;
        }
        CustomerRows.Owner owner = linkByOneContact(clientId, List.of(new NewTicket(ticket, who))).getFirst();
        return owner.created()
                ? new Customer(owner.customerId(), blankToNull(who.name()), blankToNull(who.organisation()), contacts, null, clock.instant())
                : rows.find(clientId, owner.customerId()).orElseThrow();
    }

    /**
     * As {@link #linkNew} for many tickets at once (an email batch): those that name one contact —
     * nearly all — are identified, created where new and linked in three statements whatever their
     * number (the contacts' locks, one statement for records, contacts and links, one for the audit
     * records); the rest one by one.
     */
    @Transactional
    public void linkAll(UUID clientId, List<NewTicket> tickets) {
        List<NewTicket> byOneContact = new ArrayList<>();
        for (NewTicket ticket : tickets) {
            if (contacts(ticket.who()).size() == 1) {
                byOneContact.add(ticket);
            } else {
                linkNew(clientId, ticket.ticket(), ticket.who());
            }
        }
        if (!byOneContact.isEmpty()) {
            linkByOneContact(clientId, byOneContact);
        }
    }

    private List<CustomerRows.Owner> linkByOneContact(UUID clientId, List<NewTicket> tickets) {
        Map<Contact, CustomerRows.ContactClaim> claims = new java.util.TreeMap<>(
                Comparator.comparing(Contact::kind).thenComparing(Contact::value));
        List<CustomerRows.TicketLink> links = new ArrayList<>(tickets.size());
        for (NewTicket ticket : tickets) {
            Contact contact = contacts(ticket.who()).getFirst();
            claims.putIfAbsent(contact, new CustomerRows.ContactClaim(contact, Ids.next(), blankToNull(ticket.who().name()),
                    blankToNull(ticket.who().organisation())));
            links.add(new CustomerRows.TicketLink(ticket.ticket().id(), contact, ticket.ticket().channel()));
        }
        // Locked in one order (kind, then value), as identify does, so batches and single tickets cannot deadlock.
        rows.lockContacts(clientId, List.copyOf(claims.keySet()));
        List<CustomerRows.Owner> owners = rows.claimAndLink(clientId, List.copyOf(claims.values()), links, clock.instant());
        List<CustomerRows.Owner> created = owners.stream().filter(CustomerRows.Owner::created).toList();
        if (!created.isEmpty()) {
            audit.recordMany("support.customer-created", "customer", created.stream().map(o -> clientId).toList(),
                    created.stream().map(o -> o.customerId().toString()).toList(),
                    created.stream().map(o -> Map.of("contacts", List.of(o.contact().value()))).toList());
        }
        return owners;
    }

    /** Staff fold one record into another: the same person, found twice. */
    @Transactional
    public Customer merge(UUID clientId, UUID survivorId, MergeCustomers command, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireAgent(by);
        if (survivorId.equals(command.customerId())) {
            throw BusinessRuleViolation.invalid("customerId", "A customer cannot be merged into themselves.");
        }
        List<UUID> locked = rows.lock(clientId, survivorId, command.customerId());
        Customer survivor = current(clientId, survivorId);
        Customer merged = rows.find(clientId, command.customerId())
                .orElseThrow(() -> new NotFound("customer", command.customerId()));
        if (locked.size() < 2 || merged.mergedInto() != null) {
            throw BusinessRuleViolation.conflict("already-merged", "That customer was already merged into another record.");
        }
        fold(clientId, survivor.id(), merged.id(), "by " + by.email(), clock.instant());
        return rows.find(clientId, survivor.id()).orElseThrow();
    }

    @Transactional
    public Customer create(UUID clientId, IdentifyCustomer who, CurrentUser by) {
        clients.get(clientId);
        SupportPermissions.requireProviderStaff(by);
        for (Contact contact : contacts(who)) {
            if (rows.ownerOf(clientId, contact).isPresent()) {
                throw new BusinessRuleViolation(409, "contact-taken", contact.kind() == ContactKind.EMAIL ? "email" : "phone",
                        contact.value() + " already belongs to a customer; merge the records instead.");
            }
        }
        return identify(clientId, who);
    }

    /** The customer with their tickets; a merged record answers with the one it was merged into. */
    @Transactional(readOnly = true)
    public CustomerHistory history(UUID clientId, UUID customerId) {
        clients.get(clientId);
        Customer customer = current(clientId, customerId);
        List<CustomerHistory.Contact> tickets = new ArrayList<>();
        for (long itemId : rows.ticketsOf(clientId, customer.id(), HISTORY)) {
            WorkItem item = workItems.get(clientId, itemId);
            tickets.add(new CustomerHistory.Contact(item.id(), item.reference(), item.title(), item.channel(), item.state(),
                    item.createdAt()));
        }
        return new CustomerHistory(customer, tickets);
    }

    @Transactional(readOnly = true)
    public List<Customer> page(UUID clientId, @Nullable String text, UUID before, int limit) {
        clients.get(clientId);
        return rows.page(clientId, text, before, limit);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> ofTicket(UUID clientId, long itemId) {
        return rows.customerOf(clientId, itemId).map(id -> current(clientId, id));
    }

    private Customer current(UUID clientId, UUID id) {
        Customer customer = rows.find(clientId, id).orElseThrow(() -> new NotFound("customer", id));
        return customer.mergedInto() == null ? customer
                : rows.find(clientId, customer.mergedInto()).orElseThrow(() -> new NotFound("customer", id));
    }

    private void fold(UUID clientId, UUID survivor, UUID merged, String why, Instant now) {
        rows.merge(clientId, survivor, merged, now);
        audit.record(clientId, "support.customers-merged", "customer", survivor, Map.of("merged", merged.toString()),
                Map.of("survivor", survivor.toString(), "why", why));
    }

    static List<Contact> contacts(IdentifyCustomer who) {
        List<Contact> contacts = new ArrayList<>();
        if (who.email() != null && !who.email().isBlank()) {
            contacts.add(new Contact(ContactKind.EMAIL, who.email().strip().toLowerCase(Locale.ROOT)));
        }
        if (who.phone() != null && !who.phone().isBlank()) {
            contacts.add(new Contact(ContactKind.PHONE, phone(who.phone())));
        }
        return contacts;
    }

    /** Digits only, with the leading '+' of an international number kept: how the same number is recognised. */
    public static String phone(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (digits.length() < 6 || digits.length() > 20) {
            throw BusinessRuleViolation.invalid("phone", "is not a phone number");
        }
        return (text.strip().startsWith("+") ? "+" : "") + digits;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
