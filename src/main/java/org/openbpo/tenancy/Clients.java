package org.openbpo.tenancy;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.Actor;
import org.openbpo.tenancy.persistence.ClientRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The provider's clients: taking them on, changing their details, looking them up. */
@Service
public class Clients {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The longest text a client search takes: longer than any client's name. */
    public static final int SEARCH_LENGTH = 200;

    private final ClientRows rows;
    private final AuditTrail audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ClientTimeZones zones;

    Clients(ClientRows rows, AuditTrail audit, Clock clock, ApplicationEventPublisher events, ClientTimeZones zones) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.zones = zones;
    }

    @Transactional
    public Client register(RegisterClient command) {
        if (rows.codeTaken(command.code())) {
            throw new BusinessRuleViolation(409, "client-code-taken", "code", "A client with code " + command.code() + " already exists.");
        }
        Client client = new Client(Ids.next(), command.code(), command.name().strip(), command.legalEntity().strip(),
                country(command.country()), zone(command.timeZone()), currency(command.currency()),
                command.status() == null ? ClientStatus.ONBOARDING : command.status(), clock.instant());
        rows.insert(client);
        audit.record(client.id(), "client.registered", "client", client.id(), null, client);
        return client;
    }

    @Transactional
    public Client update(UUID id, RegisterClient command) {
        Client before = get(id);
        if (!before.code().equals(command.code())) {
            throw BusinessRuleViolation.invalid("code", "A client's code cannot change once it is used in references.");
        }
        Client after = new Client(id, before.code(), command.name().strip(), command.legalEntity().strip(),
                country(command.country()), zone(command.timeZone()), currency(command.currency()),
                command.status() == null ? before.status() : command.status(), before.createdAt());
        Instant now = clock.instant();
        rows.update(after, now);
        audit.record(id, "client.updated", "client", id, before, after);
        if (!after.timeZone().equals(before.timeZone())) {
            zones.changedOnCommit(id); // other nodes hear of it from the database (ClientTimeZones)
            events.publishEvent(new ClientTimeZoneChanged(id, before.timeZone(), after.timeZone(), Actor.name(), now));
        }
        return after;
    }

    @Transactional(readOnly = true)
    public Client get(UUID id) {
        return rows.find(id).orElseThrow(() -> new NotFound("client", id));
    }

    /**
     * The client's business day at this moment, in its own time zone: what "today" means for its books, reports and
     * month ends, wherever the server or the person asking is.
     */
    @Transactional(readOnly = true)
    public LocalDate today(UUID id) {
        return dayAt(id, clock.instant());
    }

    /** The client's business day at a moment, in its own time zone. */
    @Transactional(readOnly = true)
    public LocalDate dayAt(UUID id, Instant at) {
        return LocalDate.ofInstant(at, get(id).timeZone());
    }

    /** Each client's business day at a moment, in its own time zone: {@link #dayAt} for many clients in one look-up. */
    @Transactional(readOnly = true)
    public Map<UUID, LocalDate> daysAt(Collection<UUID> ids, Instant at) {
        Map<UUID, ZoneId> zones = rows.zones(ids);
        Map<UUID, LocalDate> days = new HashMap<>();
        for (UUID id : ids) {
            ZoneId zone = zones.get(id);
            if (zone == null) {
                throw new NotFound("client", id);
            }
            days.put(id, LocalDate.ofInstant(at, zone));
        }
        return days;
    }

    /**
     * Every client the caller serves, however many: for what is gathered across all of them (an agent's
     * work, a month's invoices). Pick lists page through {@link #page} or {@link #search} instead.
     */
    @Transactional(readOnly = true)
    public List<UUID> ids() {
        return rows.ids();
    }

    /** The names of these clients, by id, in one look-up. */
    @Transactional(readOnly = true)
    public Map<UUID, String> names(Collection<UUID> ids) {
        return rows.names(ids);
    }

    /** The client known by this code (as in a public page's address); empty when the caller may not see it. */
    @Transactional(readOnly = true)
    public Optional<Client> byCode(String code) {
        return rows.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Client> page(@Nullable String afterCode, int limit) {
        return rows.page(afterCode, limit);
    }

    /**
     * The clients the caller serves whose code or name contains {@code text}, most relevant first, at most
     * {@code limit} of them; a blank text finds them all, by code.
     */
    @Transactional(readOnly = true)
    public ClientMatches search(@Nullable String text, int limit) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.length() > SEARCH_LENGTH) {
            throw BusinessRuleViolation.invalid("clientSearch", "is longer than " + SEARCH_LENGTH + " characters");
        }
        return rows.search(wanted, limit);
    }

    private static String country(String code) {
        if (!COUNTRIES.contains(code)) {
            throw BusinessRuleViolation.invalid("country", code + " is not an ISO 3166 country code.");
        }
        return code;
    }

    private static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw BusinessRuleViolation.invalid("timeZone", zone + " is not a time zone (use an IANA name such as Europe/London).");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("currency", code + " is not an ISO 4217 currency code.");
        }
    }
}
