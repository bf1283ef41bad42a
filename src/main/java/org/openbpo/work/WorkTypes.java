package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.WorkTypeCatalogue;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Role;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.openbpo.work.persistence.WorkTypeRows;
import org.openbpo.shared.tenant.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Work types per client, versioned: defining a type again makes a new version for new work;
 * items keep the version they were created under.
 */
@Service
public class WorkTypes implements WorkTypeCatalogue {

    public record VersionedWorkType(int version, WorkTypeDefinition definition) {
    }

    /** Open items (neither done nor cancelled) still running as an older version of a work type. */
    public record OpenOnVersion(int version, long openItems) {
    }

    private record Key(UUID clientId, String code, int version) {
    }

    private final WorkTypeRows rows;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<Key, WorkTypeDefinition> versions = new ConcurrentHashMap<>();

    WorkTypes(WorkTypeRows rows, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** Saves the definition as the work type's next version (its first, for a new code); new work takes it. */
    @Transactional
    public VersionedWorkType define(UUID clientId, WorkTypeDefinition definition) {
        return define(clientId, definition, null);
    }

    /**
     * As {@link #define(UUID, WorkTypeDefinition)}, made from version {@code basedOnVersion} (0: a new work type): when
     * another version was saved since, nothing is saved and the answer is 409 {@code work-type-changed}. Definitions of
     * one work type take turns, so two editors cannot both save on top of the same version.
     */
    @Transactional
    public VersionedWorkType define(UUID clientId, WorkTypeDefinition definition, @Nullable Integer basedOnVersion) {
        clients.get(clientId);
        knownRoles(definition);
        rows.lock(clientId, definition.code());
        var before = rows.latest(clientId, definition.code());
        int latest = before.map(WorkTypeRows.Versioned::version).orElse(0);
        if (basedOnVersion != null && basedOnVersion != latest) {
            throw BusinessRuleViolation.conflict("work-type-changed", latest == 0
                    ? definition.code() + " has no version " + basedOnVersion + " to change."
                    : basedOnVersion == 0 ? definition.code() + " is already a work type (version " + latest + "): change it instead."
                    : "Version " + latest + " of " + definition.code() + " was saved after version " + basedOnVersion
                    + ", which this change was made from.");
        }
        int version = rows.insertNextVersion(clientId, definition, clock.instant(), Actor.name());
        audit.record(clientId, "work-type.defined", "work-type", definition.code() + "@" + version,
                before.map(WorkTypeRows.Versioned::definition).orElse(null), definition);
        return new VersionedWorkType(version, definition);
    }

    /** A move open to a role nobody can hold would be open to nobody: each role a move names must be one of OpenBPO's. */
    private static void knownRoles(WorkTypeDefinition definition) {
        Set<String> known = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        for (int i = 0; i < definition.transitions().size(); i++) {
            WorkTransition move = definition.transitions().get(i);
            for (String role : move.roles()) {
                if (!known.contains(role)) {
                    throw BusinessRuleViolation.invalid("transitions[" + i + "].roles", "The move " + move.from() + " -> "
                            + move.to() + " names the role '" + role + "', which is not one of "
                            + Arrays.stream(Role.values()).map(Role::name).sorted().toList() + ".");
                }
            }
        }
    }

    /** Copies one of the shipped templates to a client. */
    @Transactional
    public VersionedWorkType adoptTemplate(UUID clientId, String templateCode) {
        WorkTypeDefinition template = WorkTypeTemplates.all().stream().filter(t -> t.code().equals(templateCode))
                .findFirst().orElseThrow(() -> BusinessRuleViolation.invalid("template",
                        templateCode + " is not a template; choose one of "
                                + WorkTypeTemplates.all().stream().map(WorkTypeDefinition::code).toList()));
        return define(clientId, template);
    }

    /** The newest version: its number is read every time (another node may have defined one), its definition is cached. */
    @Transactional(readOnly = true)
    public VersionedWorkType current(UUID clientId, String code) {
        int version = rows.latestVersion(clientId, code).orElseThrow(() -> new NotFound("work type", code));
        return new VersionedWorkType(version, version(clientId, code, version));
    }

    /** A specific version; cached, as versions never change once written. */
    @Transactional(readOnly = true)
    public WorkTypeDefinition version(UUID clientId, String code, int version) {
        return versions.computeIfAbsent(new Key(clientId, code, version),
                key -> rows.version(clientId, code, version).orElseThrow(() -> new NotFound("work type", code + "@" + version)));
    }

    /** The share of completed items QA samples, as the version an item was created under says. */
    public java.math.BigDecimal qaSampleRate(UUID clientId, String code, int version) {
        return version(clientId, code, version).qaSampleRate();
    }

    /** Whether the client has the work type, in any version: what a contract's service line may run as. */
    @Override
    @Transactional(readOnly = true)
    public boolean has(UUID clientId, String workType) {
        return rows.latestVersion(clientId, workType).isPresent();
    }

    @Transactional(readOnly = true)
    public List<VersionedWorkType> of(UUID clientId) {
        clients.get(clientId);
        return rows.latestOfClient(clientId).stream().map(v -> new VersionedWorkType(v.version(), v.definition())).toList();
    }

    /** For each version before {@code version} that open items still run as, how many, oldest first; in one query. */
    @Transactional(readOnly = true)
    public List<OpenOnVersion> openBefore(UUID clientId, String code, int version) {
        return rows.openBefore(clientId, code, version).stream().map(v -> new OpenOnVersion(v.version(), v.openItems())).toList();
    }
}
