package org.openbpo.workforce;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.workforce.WorkforceEvents.AgentEligibilityChanged;
import org.openbpo.workforce.WorkforceEvents.ClientWorkWithdrawn;
import org.openbpo.workforce.persistence.AgentRows;
import org.openbpo.workforce.persistence.CentreRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.openbpo.workforce.WorkforcePermissions.requireProviderStaff;
import static org.openbpo.workforce.WorkforcePermissions.requireWorkforceManager;

/** The provider's delivery centres: opening them, their shift calendars, and whose data they may handle. */
@Service
public class DeliveryCentres {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CentreRows rows;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProviderOwnedChanges providerOwned;
    private final AgentRows agents;
    private final ApplicationEventPublisher events;

    DeliveryCentres(CentreRows rows, Clients clients, AuditTrail audit, Clock clock, ProviderOwnedChanges providerOwned,
                    AgentRows agents, ApplicationEventPublisher events) {
        this.providerOwned = providerOwned;
        this.agents = agents;
        this.events = events;
        this.rows = rows;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public DeliveryCentre open(OpenDeliveryCentre command, CurrentUser by) {
        requireWorkforceManager(by);
        DeliveryCentre centre = centre(Ids.next(), command, clock.instant());
        return providerOwned.apply(() -> {
            if (rows.codeTaken(centre.code())) {
                throw new BusinessRuleViolation(409, "centre-code-taken", "code", "A centre with code " + centre.code() + " already exists.");
            }
            rows.insert(centre);
            audit.record(null, "centre.opened", "delivery-centre", centre.id(), null, centre);
            return centre;
        });
    }

    public DeliveryCentre update(UUID id, OpenDeliveryCentre command, CurrentUser by) {
        requireWorkforceManager(by);
        return providerOwned.apply(() -> change(id, command));
    }

    private DeliveryCentre change(UUID id, OpenDeliveryCentre command) {
        DeliveryCentre before = find(id);
        if (!before.code().equals(command.code())) {
            throw BusinessRuleViolation.invalid("code", "A centre's code cannot change once it is used in references.");
        }
        DeliveryCentre after = centre(id, command, before.createdAt());
        rows.update(after, clock.instant());
        audit.record(null, "centre.updated", "delivery-centre", id, before, after);
        agentsEligibilityChanged(id); // its shifts may have changed
        return after;
    }

    @Transactional(readOnly = true)
    public DeliveryCentre get(UUID id, CurrentUser by) {
        requireProviderStaff(by);
        return find(id);
    }

    @Transactional(readOnly = true)
    public Optional<DeliveryCentre> findByCode(String code) {
        return rows.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<DeliveryCentre> page(@Nullable String afterCode, int limit, CurrentUser by) {
        requireProviderStaff(by);
        return rows.page(afterCode, limit);
    }

    /** Whether the centre is working at {@code at}, by its weekly shifts and holidays in its own time zone. */
    @Transactional(readOnly = true)
    public boolean isOnShift(UUID centreId, Instant at) {
        return find(centreId).isOnShift(at);
    }

    /** Data residency: lets the centre handle the client's work. Repeating it changes nothing. */
    @Transactional
    public ServedClient allowClient(UUID centreId, UUID clientId, CurrentUser by) {
        clients.get(clientId); // 404 before 403: a refusal must not confirm that another client exists
        requireWorkforceManager(by);
        find(centreId);
        if (rows.allowClient(clientId, centreId, clock.instant())) {
            ServedClient served = rows.servedClient(clientId, centreId).orElseThrow();
            audit.record(clientId, "centre.client-allowed", "delivery-centre", centreId, null, served);
            agentsEligibilityChanged(centreId);
            return served;
        }
        return rows.servedClient(clientId, centreId).orElseThrow();
    }

    @Transactional
    public void disallowClient(UUID centreId, UUID clientId, CurrentUser by) {
        clients.get(clientId);
        requireWorkforceManager(by);
        find(centreId);
        ServedClient before = rows.servedClient(clientId, centreId).orElseThrow(() -> new NotFound("client of centre", clientId));
        rows.disallowClient(clientId, centreId);
        audit.record(clientId, "centre.client-disallowed", "delivery-centre", centreId, before, null);
        Set<UUID> working = agents.atCentre(centreId);
        if (!working.isEmpty()) {
            events.publishEvent(new ClientWorkWithdrawn(Set.of(clientId), working, ClientWorkWithdrawn.Reason.CENTRE_DISALLOWED,
                    by.email(), clock.instant()));
        }
        agentsEligibilityChanged(centreId);
    }

    /** The clients the centre serves, limited to those the caller may see. */
    @Transactional(readOnly = true)
    public List<ServedClient> servedClients(UUID centreId, @Nullable UUID afterClient, int limit, CurrentUser by) {
        requireProviderStaff(by);
        find(centreId);
        return rows.servedClients(centreId, afterClient, limit);
    }

    private void agentsEligibilityChanged(UUID centreId) {
        Set<UUID> working = agents.atCentre(centreId);
        if (!working.isEmpty()) {
            events.publishEvent(new AgentEligibilityChanged(working, clock.instant()));
        }
    }

    /** The clients whose data the centre may handle, as far as the transaction may see them. */
    Set<UUID> servedClientIds(UUID centreId) {
        return rows.servedClientIds(centreId);
    }

    DeliveryCentre find(UUID id) {
        return rows.find(id).orElseThrow(() -> new NotFound("delivery centre", id));
    }

    private static DeliveryCentre centre(UUID id, OpenDeliveryCentre command, Instant createdAt) {
        ShiftCalendar calendar = new ShiftCalendar(command.weeklyShifts() == null ? List.of() : command.weeklyShifts(),
                command.holidays() == null ? List.of() : command.holidays());
        return new DeliveryCentre(id, command.code(), command.name().strip(), command.shore(), country(command.country()),
                zone(command.timeZone()), new CostRate(command.costPerAgentHourMinor(), currency(command.costCurrency())),
                calendar, createdAt);
    }

    private static String country(String code) {
        if (!COUNTRIES.contains(code)) {
            throw BusinessRuleViolation.invalid("country", code + " is not an ISO 3166 country code.");
        }
        return code;
    }

    private static ZoneId zone(String zone) {
        try {
            // Region ids only: a fixed offset such as +08:00 would silently ignore daylight saving.
            if (!ZoneId.getAvailableZoneIds().contains(zone)) {
                throw new DateTimeException(zone);
            }
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw BusinessRuleViolation.invalid("timeZone", zone + " is not a time zone (use an IANA name such as Asia/Manila).");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("costCurrency", code + " is not an ISO 4217 currency code.");
        }
    }
}
