package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.persistence.HouseRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The provider's own books, "the house". The provider's legal entity is registered in tenancy like
 * a client (so it has an id, a name, a country and a currency) and designated here once; its books
 * are ordinary books under that id, with every rule of the journal. Issued client invoices and
 * credit notes post to them ({@link InvoicePosting}): receivables per client, revenue per service
 * line, tax payable, service credits as contra-revenue. Administrators and billing analysts read
 * them, whichever clients they serve; the house's id is added to their scope for that read only.
 */
@Service
public class HouseBook {

    private final HouseRows rows;
    private final Books books;
    private final Clients clients;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicReference<UUID> known = new AtomicReference<>();

    HouseBook(HouseRows rows, Books books, Clients clients, AuditTrail audit, TransactionTemplate transactions, Clock clock) {
        this.rows = rows;
        this.books = books;
        this.clients = clients;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Designates the provider's legal entity (registered in tenancy) as the house and opens its books
     * from a chart template. Designating the same entity again changes nothing; another one is a 409:
     * the house is designated once.
     */
    @Transactional
    public Book designate(UUID client, String template, @org.jspecify.annotations.Nullable String functionalCurrency, CurrentUser by) {
        by.requireAny("designate the provider's own books", Role.ADMINISTRATOR);
        Client entity = clients.get(client);
        Optional<UUID> house = rows.house();
        if (house.isPresent() && !house.get().equals(client)) {
            throw BusinessRuleViolation.conflict("house-designated", "The provider's own books are already kept for another entity.");
        }
        Book book = books.open(client, template, functionalCurrency);
        if (house.isEmpty() && rows.designate(client, clock.instant(), by.email())) {
            audit.record(AuditTrail.PROVIDER, "ledger.house-designated", "house-book", client, null,
                    Map.of("client", client.toString(), "legalEntity", entity.legalEntity(), "template", book.template(),
                            "functionalCurrency", book.functionalCurrency().getCurrencyCode()));
        }
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            known.set(client);
                        }
                    });
        }
        return book;
    }

    /**
     * The house's id, when one is designated. Not a secret; its books are for those who {@link #mayRead}
     * them, whichever clients they serve ({@link #requireMayReadIfHouse}).
     */
    public Optional<UUID> house() {
        UUID remembered = known.get();
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<UUID> found = Optional.ofNullable(TenantScope.call(AllowedClients.NONE, () -> transactions.execute(tx -> rows.house().orElse(null))));
        found.ifPresent(known::set);
        return found;
    }

    /** Whether this person may read the house's books: administrators and billing analysts. */
    public boolean mayRead(CurrentUser user) {
        return user.providerStaff() && (user.has(Role.ADMINISTRATOR) || user.has(Role.BILLING_ANALYST));
    }

    /**
     * Refuses the house's id, as an unknown client (404), to someone who may not read its books.
     * The house is registered like a client, so staff who serve every client see it among them.
     */
    public void requireMayReadIfHouse(UUID client, CurrentUser user) {
        if (!mayRead(user) && house().filter(client::equals).isPresent()) {
            throw new NotFound("client", client);
        }
    }

    /**
     * Runs a read of the house's books for someone allowed to (the house's id added to nothing else:
     * the scope is the house alone). 404 when there is no house or the person may not read it.
     */
    public <T> T read(CurrentUser user, java.util.function.Function<UUID, T> report) {
        UUID house = house().orElseThrow(() -> new NotFound("house book", "provider"));
        if (!mayRead(user)) {
            throw new NotFound("house book", "provider");
        }
        Callable<T> work = () -> report.apply(house);
        return TenantScope.call(AllowedClients.only(house), work);
    }
}
