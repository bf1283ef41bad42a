package org.openbpo.contracts;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.persistence.ContractRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.Actor;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientTimeZones;
import org.openbpo.tenancy.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provider's contracts with its clients. Terms are versioned: a revision takes effect when it
 * is made and governs work created from then on; running work keeps the version it started under.
 * New work is accepted only within a contract's term, its first to its last day in the client's time
 * zone; a service line belongs to one contract at a time, so a renewal takes over the codes of a
 * contract whose term has ended.
 */
@Service
public class Contracts {

    private record VersionKey(UUID clientId, UUID contractId, int version, String serviceLine) {
    }

    private record KeptTerms(ServiceTerms terms, long zoneGeneration) {
    }

    private final ContractRows rows;
    private final Clients clients;
    private final WorkTypeCatalogue workTypes;
    private final AuditTrail audit;
    private final Clock clock;
    private final ClientTimeZones zones;
    // A version's terms never change once written, so they can be kept as long as we like; all but the client's time
    // zone, which decides where the term's first and last day begin and end: kept terms are used while the zone they
    // were read with is current on this node, whichever node changes it. (A revision moving the term's end writes a
    // new version, which is read afresh.)
    private final Map<VersionKey, KeptTerms> termsOfVersion = new ConcurrentHashMap<>();

    Contracts(ContractRows rows, Clients clients, WorkTypeCatalogue workTypes, AuditTrail audit, Clock clock,
              ClientTimeZones zones) {
        this.rows = rows;
        this.clients = clients;
        this.workTypes = workTypes;
        this.audit = audit;
        this.clock = clock;
        this.zones = zones;
    }

    @Transactional
    public Contract draft(UUID clientId, DraftContract command) {
        Client client = clients.get(clientId);
        if (rows.referenceTaken(clientId, command.reference())) {
            throw new BusinessRuleViolation(409, "contract-reference-taken", "reference",
                    "Contract " + command.reference() + " already exists for " + client.name() + ".");
        }
        try {
            Currency.getInstance(command.currency());
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("currency", command.currency() + " is not an ISO 4217 currency code");
        }
        if (command.endsOn() != null && !command.endsOn().isAfter(command.startsOn())) {
            throw BusinessRuleViolation.invalid("endsOn", "must be after startsOn");
        }
        command.calendar().toCalendar();
        Set<String> lines = new HashSet<>();
        for (int i = 0; i < command.serviceLines().size(); i++) {
            ServiceLine line = command.serviceLines().get(i);
            if (!lines.add(line.code())) {
                throw BusinessRuleViolation.invalid("serviceLines[" + i + "].code", line.code() + " is listed twice");
            }
            if (!workTypes.has(clientId, line.workType())) {
                throw BusinessRuleViolation.invalid("serviceLines[" + i + "].workType", client.name() + " has no work type "
                        + line.workType() + ": define or adopt it first");
            }
        }
        checkTargets(lines, command.slaTargets(), command.kpiTargets() == null ? List.of() : command.kpiTargets());
        rows.lockServiceLines(clientId);
        checkLinesFree(clientId, null, command.serviceLines().stream().map(ServiceLine::code).toList(), command.startsOn(),
                command.endsOn());
        UUID id = Ids.next();
        Instant now = clock.instant();
        rows.insertContract(clientId, id, command.reference(), command.title(), command.currency(), command.startsOn(),
                command.endsOn(), now);
        command.serviceLines().forEach(line -> rows.insertServiceLine(clientId, id, line));
        rows.insertVersion(clientId, id, 1, now, command.calendar(), "Initial terms", now, Actor.name(),
                command.slaTargets(), command.kpiTargets() == null ? List.of() : command.kpiTargets());
        Contract contract = get(clientId, id);
        audit.record(clientId, "contract.drafted", "contract", id, null, contract);
        return contract;
    }

    @Transactional
    public Contract revise(UUID clientId, UUID contractId, ReviseContract command) {
        // Revisions of one contract take turns (the row lock lets work keep referring to the contract), and each
        // reads the terms as the one before left them: two revisions from the same version never both succeed.
        if (!rows.lockContract(clientId, contractId)) {
            throw new NotFound("contract", contractId);
        }
        Contract before = get(clientId, contractId);
        if (command.basedOnVersion() != null && command.basedOnVersion() != before.version()) {
            throw new BusinessRuleViolation(409, "contract-changed", "basedOnVersion", "Contract " + before.reference()
                    + " was revised since version " + command.basedOnVersion() + " was read: version " + before.version()
                    + " has been in force since " + java.time.LocalDateTime.ofInstant(before.versionEffectiveFrom(),
                    clients.get(clientId).timeZone()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
                    + ". Reload the contract and make the changes to its current terms.");
        }
        command.calendar().toCalendar();
        Set<String> lines = new HashSet<>();
        before.serviceLines().forEach(line -> lines.add(line.code()));
        List<KpiTarget> kpis = command.kpiTargets() == null ? before.kpiTargets() : command.kpiTargets();
        checkTargets(lines, command.slaTargets(), kpis);
        Instant now = clock.instant();
        if (command.endsOn() != null && !command.endsOn().equals(before.endsOn())) {
            LocalDate today = clients.dayAt(clientId, now);
            if (!command.endsOn().isAfter(before.startsOn())) {
                throw BusinessRuleViolation.invalid("endsOn", "must be after the start of the term, " + before.startsOn());
            }
            if (command.endsOn().isBefore(today)) {
                throw BusinessRuleViolation.invalid("endsOn", "cannot be before today (" + today
                        + "): work was accepted under the term until now; end it today at the earliest");
            }
            rows.lockServiceLines(clientId);
            checkLinesFree(clientId, contractId, List.copyOf(lines), before.startsOn(), command.endsOn());
            rows.endTerm(clientId, contractId, command.endsOn());
        }
        int version = rows.nextVersion(clientId, contractId);
        rows.insertVersion(clientId, contractId, version, now, command.calendar(), command.note(), now, Actor.name(),
                command.slaTargets(), kpis);
        Contract after = get(clientId, contractId);
        audit.record(clientId, "contract.revised", "contract", contractId, before, after);
        return after;
    }

    /** A service line belongs to one contract at a time: a renewal takes it over once the earlier term has ended. */
    private void checkLinesFree(UUID clientId, @Nullable UUID contractId, List<String> codes, LocalDate startsOn,
                                @Nullable LocalDate endsOn) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            int at = i;
            rows.holderOverlapping(clientId, code, contractId, startsOn, endsOn).ifPresent(holder -> {
                throw new BusinessRuleViolation(409, "service-line-taken", contractId == null ? "serviceLines[" + at + "].code" : "endsOn",
                        "Service line " + code + " belongs to contract " + holder.reference() + " from " + holder.startsOn()
                                + (holder.endsOn() == null ? ", open-ended; end that contract first."
                                : " to " + holder.endsOn() + "; a renewal can start on " + holder.endsOn().plusDays(1) + "."));
            });
        }
    }

    /** The contract with its current terms; its status as of the client's today (ENDED once its term is over). */
    @Transactional(readOnly = true)
    public Contract get(UUID clientId, UUID contractId) {
        return get(clientId, contractId, clients.today(clientId));
    }

    private Contract get(UUID clientId, UUID contractId, LocalDate today) {
        return rows.find(clientId, contractId, null).map(contract -> contract.asOf(today))
                .orElseThrow(() -> new NotFound("contract", contractId));
    }

    /**
     * The contract with its current terms, held as they are until the caller's transaction ends: a revision of it
     * waits until then, and one under way is waited for and its terms read. For what is checked against the contract's
     * term (a price plan, say) and must not be saved once a revision moved the term.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Contract hold(UUID clientId, UUID contractId) {
        if (!rows.shareContract(clientId, contractId)) {
            throw new NotFound("contract", contractId);
        }
        return get(clientId, contractId);
    }

    /**
     * The contract with the terms in force at a moment: its newest version effective by then. A moment
     * before the contract was drafted gets its first version, the earliest terms it ever had.
     */
    @Transactional(readOnly = true)
    public Contract inForceAt(UUID clientId, UUID contractId, Instant at) {
        int version = rows.versionAt(clientId, contractId, at).orElse(1);
        return rows.find(clientId, contractId, version).map(contract -> contract.asOf(clients.today(clientId)))
                .orElseThrow(() -> new NotFound("contract", contractId));
    }

    @Transactional(readOnly = true)
    public List<Contract> of(UUID clientId) {
        LocalDate today = clients.today(clientId);
        return rows.contractIds(clientId).stream().map(id -> get(clientId, id, today)).toList();
    }

    /**
     * The service lines a client may raise work on today: those of its active contracts whose term includes
     * today in the client's time zone. Contracts in force never share a code, so each code appears once even
     * after a renewal took over the codes of the contract before it. In code order.
     */
    @Transactional(readOnly = true)
    public List<ServiceLine> serviceLinesInForce(UUID clientId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clients.get(clientId).timeZone());
        Map<String, ServiceLine> lines = new java.util.TreeMap<>();
        of(clientId).stream().filter(c -> c.signed() && c.covers(today))
                .forEach(c -> c.serviceLines().forEach(line -> lines.putIfAbsent(line.code(), line)));
        return List.copyOf(lines.values());
    }

    /**
     * Each of the client's service-line codes once, for setting up work around them (queues, rules, prices):
     * as the contract in force today has it, else the next contract to start, else the one that ended last.
     * A renewal reusing the codes of an ended contract so never lists them twice. In code order.
     */
    @Transactional(readOnly = true)
    public List<ServiceLine> serviceLines(UUID clientId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clients.get(clientId).timeZone());
        List<Contract> active = of(clientId).stream().filter(Contract::signed).toList();
        List<Contract> preferred = new java.util.ArrayList<>(active.stream().filter(c -> c.covers(today)).toList());
        active.stream().filter(c -> c.startsOn().isAfter(today)).sorted(java.util.Comparator.comparing(Contract::startsOn))
                .forEach(preferred::add);
        active.stream().filter(c -> c.endsOn() != null && c.endsOn().isBefore(today))
                .sorted(java.util.Comparator.comparing(Contract::endsOn).reversed()).forEach(preferred::add);
        Map<String, ServiceLine> lines = new java.util.TreeMap<>();
        preferred.forEach(c -> c.serviceLines().forEach(line -> lines.putIfAbsent(line.code(), line)));
        return List.copyOf(lines.values());
    }

    /**
     * The service lines another of the client's contracts (active, or ended since) holds on a day (a renewal that took over the
     * codes of this one, another contract's own lines): what a month ending that day is not scored under this contract.
     */
    @Transactional(readOnly = true)
    public Set<String> linesHeldByOthersOn(UUID clientId, UUID contractId, LocalDate day) {
        Set<String> held = new java.util.TreeSet<>();
        of(clientId).stream().filter(c -> !c.id().equals(contractId) && c.signed() && c.covers(day))
                .forEach(c -> c.serviceLines().forEach(line -> held.add(line.code())));
        return held;
    }

    /**
     * The terms in force now for a client's service line: the newest version of the active contract whose
     * term (in the client's time zone) includes today; empty when none does.
     */
    @Transactional(readOnly = true)
    public Optional<ServiceTerms> termsInForce(UUID clientId, String serviceLine) {
        Instant now = clock.instant();
        LocalDate today = clients.dayAt(clientId, now);
        return rows.versionsInForce(clientId, serviceLine, now).stream().filter(v -> v.covers(today)).findFirst()
                .map(inForce -> terms(clientId, inForce.contractId(), inForce.version(), serviceLine));
    }

    /** The terms in force now for a service line, or a refusal on {@code serviceLine} saying why new work cannot start. */
    @Transactional(readOnly = true)
    public ServiceTerms requireTermsInForce(UUID clientId, String serviceLine) {
        return termsInForce(clientId, serviceLine).orElseThrow(() -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), clients.get(clientId).timeZone());
            List<ContractRows.VersionInForce> contracts = rows.versionsInForce(clientId, serviceLine, clock.instant());
            Optional<ContractRows.VersionInForce> coming = contracts.stream().filter(v -> v.startsOn().isAfter(today)).findFirst();
            if (coming.isPresent()) {
                return BusinessRuleViolation.invalid("serviceLine", serviceLine + " has not started yet: contract "
                        + coming.get().reference() + " starts on " + coming.get().startsOn());
            }
            return contracts.isEmpty() || contracts.getLast().endsOn() == null
                    ? BusinessRuleViolation.invalid("serviceLine", serviceLine + " is not a service line on an active contract")
                    : BusinessRuleViolation.invalid("serviceLine", serviceLine + " is no longer in force: contract "
                    + contracts.getLast().reference() + " ended on " + contracts.getLast().endsOn());
        });
    }

    /** The terms of one version, for work created under it. */
    public ServiceTerms terms(UUID clientId, UUID contractId, int version, String serviceLine) {
        VersionKey key = new VersionKey(clientId, contractId, version, serviceLine);
        KeptTerms kept = termsOfVersion.get(key);
        if (kept != null && zones.current(clientId, kept.zoneGeneration())) {
            return kept.terms();
        }
        long generation = zones.generation(clientId); // before reading: a change meanwhile makes these terms stale
        ServiceTerms terms = load(key);
        termsOfVersion.put(key, new KeptTerms(terms, generation));
        return terms;
    }

    private ServiceTerms load(VersionKey key) {
        Contract contract = rows.find(key.clientId(), key.contractId(), key.version()).orElseThrow();
        ServiceLine line = contract.serviceLines().stream().filter(l -> l.code().equals(key.serviceLine())).findFirst().orElseThrow();
        Map<Priority, SlaTarget> targets = new EnumMap<>(Priority.class);
        contract.slaTargets().stream().filter(t -> t.serviceLine().equals(key.serviceLine()))
                .forEach(t -> targets.put(t.priority(), t));
        return new ServiceTerms(contract.id(), contract.version(), line, contract.calendar().toCalendar(), targets,
                contract.startsOn(), contract.endsOn(), clients.get(key.clientId()).timeZone());
    }

    private static void checkTargets(Set<String> lines, List<SlaTarget> slas, List<KpiTarget> kpis) {
        Set<String> seen = new HashSet<>();
        for (SlaTarget target : slas) {
            if (!lines.contains(target.serviceLine())) {
                throw BusinessRuleViolation.invalid("slaTargets.serviceLine", target.serviceLine() + " is not a service line of this contract");
            }
            if (!seen.add(target.serviceLine() + "/" + target.priority())) {
                throw BusinessRuleViolation.invalid("slaTargets.priority", "two targets for " + target.serviceLine() + " at " + target.priority());
            }
        }
        Set<String> measured = new HashSet<>();
        for (int i = 0; i < kpis.size(); i++) {
            KpiTarget kpi = kpis.get(i);
            if (!lines.contains(kpi.serviceLine())) {
                throw BusinessRuleViolation.invalid("kpiTargets[" + i + "].serviceLine", kpi.serviceLine() + " is not a service line of this contract");
            }
            if (!measured.add(kpi.serviceLine() + "/" + kpi.kpi())) {
                throw BusinessRuleViolation.invalid("kpiTargets[" + i + "].kpi", "two " + kpi.kpi() + " targets for " + kpi.serviceLine());
            }
        }
    }

}
