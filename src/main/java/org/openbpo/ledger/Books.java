package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.domain.Chart;
import org.openbpo.ledger.domain.ChartTemplates;
import org.openbpo.ledger.persistence.ChartRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client's books and chart of accounts. Books, accounts and dimensions are never deleted and
 * an account keeps its type, so each node may remember them; an unknown code is looked up again
 * before it is refused, in case another node added it. Only committed charts are remembered: a
 * transaction that changes a client's chart reads it afresh until it ends, and the chart is
 * forgotten when it ends, committed or rolled back (a journal import that opens accounts and is
 * then refused leaves none of them behind).
 */
@Service
public class Books {

    private record Remembered(Book book, Map<String, Account> accounts, Set<String> dimensions) implements Chart {
        @Override
        public Optional<Account> account(String code) {
            return Optional.ofNullable(accounts.get(code));
        }

        @Override
        public boolean hasDimension(DimensionKind kind, String code) {
            return dimensions.contains(kind + "/" + code);
        }
    }

    private final ChartRows rows;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();

    Books(ChartRows rows, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a client's books with a chart from a template; opening them again changes nothing. */
    @Transactional
    public Book open(UUID client, String template, @Nullable String functionalCurrency) {
        Currency clientCurrency = clients.get(client).currency();
        ChartTemplates.Template chart = ChartTemplates.named(template).orElseThrow(() -> BusinessRuleViolation.invalid(
                "template", template + " is not a chart template (" + ChartTemplates.all().stream()
                        .map(ChartTemplates.Template::code).collect(Collectors.joining(", ")) + ")."));
        Currency currency = functionalCurrency == null ? clientCurrency : currency(functionalCurrency);
        Book book = new Book(client, currency, chart.code(), clock.instant());
        if (rows.openBook(book, actor())) {
            rows.insertAccounts(client, chart.accounts(), clock.instant());
            audit.record(client, "ledger.books-opened", "book", client, null, book);
        }
        changing(client);
        return book(client);
    }

    @Transactional(readOnly = true)
    public Book book(UUID client) {
        return chart(client).book();
    }

    @Transactional(readOnly = true)
    public List<Account> accounts(UUID client) {
        book(client);
        return rows.accounts(client);
    }

    @Transactional(readOnly = true)
    public Account account(UUID client, String code) {
        return chart(client).account(code).or(() -> reload(client).account(code))
                .orElseThrow(() -> new NotFound("account", code));
    }

    @Transactional
    public Account add(UUID client, OpenAccount command) {
        Remembered chart = reload(client);
        if (chart.accounts().containsKey(command.code())) {
            throw new BusinessRuleViolation(409, "account-exists", "code", "Account " + command.code() + " already exists.");
        }
        Account parent = command.parent() == null ? null : chart.account(command.parent()).orElseThrow(() ->
                BusinessRuleViolation.invalid("parent", "There is no account " + command.parent() + " to put it under."));
        if (parent != null && (!parent.heading() || parent.type() != command.type())) {
            throw BusinessRuleViolation.invalid("parent", "An account goes under a heading of its own type.");
        }
        Account account = new Account(command.code(), command.name().strip(), command.type(), command.parent(),
                command.isHeading(), null);
        rows.insertAccounts(client, List.of(account), clock.instant());
        audit.record(client, "ledger.account-opened", "account", account.code(), null, account);
        changing(client);
        return account;
    }

    @Transactional(readOnly = true)
    public List<Dimension> dimensions(UUID client) {
        book(client);
        return rows.dimensions(client);
    }

    @Transactional
    public Dimension add(UUID client, Dimension dimension) {
        book(client);
        if (!rows.insertDimension(client, dimension, clock.instant())) {
            throw new BusinessRuleViolation(409, "dimension-exists", "code", dimension.kind() + " " + dimension.code() + " already exists.");
        }
        audit.record(client, "ledger.dimension-added", "dimension", dimension.kind() + "/" + dimension.code(), null, dimension);
        changing(client);
        return dimension;
    }

    /** The chart as the posting rules see it; looks again for codes it does not know. */
    public Chart chart(UUID client) {
        if (!TenantScope.current().includes(client)) {
            throw new NotFound("client", client);
        }
        Remembered known = remembered.get(client);
        Remembered chart = known != null ? known : reload(client);
        return new Chart() {
            @Override
            public Optional<Account> account(String code) {
                return remembered(client).account(code).or(() -> reload(client).account(code));
            }

            @Override
            public boolean hasDimension(DimensionKind kind, String code) {
                return remembered(client).hasDimension(kind, code) || reload(client).hasDimension(kind, code);
            }

            @Override
            public Book book() {
                return chart.book();
            }
        };
    }

    private Remembered remembered(UUID client) {
        Remembered known = remembered.get(client);
        return known != null ? known : reload(client);
    }

    private Remembered reload(UUID client) {
        Book book = rows.book(client).orElseThrow(() -> new NotFound("ledger of client", client));
        Remembered chart = new Remembered(book,
                rows.accounts(client).stream().collect(Collectors.toUnmodifiableMap(Account::code, Function.identity())),
                rows.dimensions(client).stream().map(d -> d.kind() + "/" + d.code()).collect(Collectors.toUnmodifiableSet()));
        if (!changedInThisTransaction().contains(client)) {
            remembered.put(client, chart);
        }
        return chart;
    }

    /**
     * The current transaction changes the client's chart: what it reads of the chart until it ends
     * is not remembered, and the chart is forgotten once it ends, whether it commits or rolls back.
     */
    private void changing(UUID client) {
        remembered.remove(client);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Set<UUID> changed = changedInThisTransaction();
        if (changed.isEmpty()) {
            Set<UUID> clients = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, clients);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Books.this);
                    clients.forEach(remembered::remove);
                }
            });
            changed = clients;
        }
        changed.add(client);
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> changedInThisTransaction() {
        Object changed = TransactionSynchronizationManager.getResource(this);
        return changed == null ? Set.of() : (Set<UUID>) changed;
    }

    static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("functionalCurrency", code + " is not an ISO 4217 currency code.");
        }
    }

    static String actor() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
    }
}
