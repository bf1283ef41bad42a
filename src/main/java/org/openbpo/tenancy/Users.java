package org.openbpo.tenancy;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.persistence.UserRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * People and their roles. The provider's administrators manage everyone; a client administrator
 * manages the users of their own client, with client roles only.
 */
@Service
public class Users {

    private final UserRows rows;
    private final Clients clients;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate providerReads;
    private final ApplicationEventPublisher events;

    Users(UserRows rows, Clients clients, PasswordEncoder passwords, AuditTrail audit, Clock clock,
          PlatformTransactionManager transactionManager, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
        this.providerReads = new TransactionTemplate(transactionManager);
        providerReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        providerReads.setReadOnly(true);
        this.clients = clients;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public User invite(InviteUser command, CurrentUser by) {
        UUID clientId = command.clientId();
        if (clientId != null) {
            clients.get(clientId); // 404 for clients the caller may not see
        }
        requireManager(by, clientId);
        Role.Side side = clientId == null ? Role.Side.PROVIDER : Role.Side.CLIENT;
        for (Role role : command.roles()) {
            if (role.side() != side) {
                throw BusinessRuleViolation.invalid("roles", role + " is a " + role.side().name().toLowerCase()
                        + " role and cannot be given to " + (clientId == null ? "provider staff." : "a client user."));
            }
        }
        Set<UUID> assigned = command.assignedClients() == null || clientId != null || command.allClients()
                ? Set.of() : command.assignedClients();
        for (UUID client : assigned) {
            clients.get(client);
        }
        // An email signs in to one user whichever client they belong to, so it is looked for among everyone's users.
        if (Boolean.TRUE.equals(TenantScope.call(AllowedClients.ALL, () -> providerReads.execute(tx -> rows.emailTaken(command.email()))))) {
            throw emailTaken();
        }
        User user = new User(Ids.next(), clientId, command.email().strip(), command.displayName().strip(),
                Set.copyOf(command.roles()), clientId == null && command.allClients(), assigned, UserStatus.ACTIVE,
                clock.instant());
        try {
            rows.insert(user, passwords.encode(command.password()));
        } catch (DuplicateKeyException takenMeanwhile) {
            throw emailTaken();
        }
        audit.record(clientId, "user.invited", "user", user.id(), null, user);
        return user;
    }

    private static BusinessRuleViolation emailTaken() {
        return new BusinessRuleViolation(409, "email-taken", "email", "A user with this email already exists.");
    }

    @Transactional(readOnly = true)
    public User get(UUID id, CurrentUser by) {
        User user = rows.find(id).orElseThrow(() -> new NotFound("user", id));
        if (!by.id().equals(id) && !mayManage(by, user.clientId())) {
            throw new NotFound("user", id);
        }
        return user;
    }

    @Transactional(readOnly = true)
    public List<User> page(@Nullable UUID clientId, @Nullable UUID after, int limit, CurrentUser by) {
        if (clientId != null) {
            clients.get(clientId);
        }
        if (!mayManage(by, clientId)) {
            throw clientId == null ? new BusinessRuleViolation(403, "forbidden", null, "Only provider administrators list provider staff.")
                    : new NotFound("client", clientId);
        }
        return rows.page(clientId, after, limit);
    }

    @Transactional
    public User changeStatus(UUID id, UserStatus status, CurrentUser by) {
        User before = get(id, by);
        if (!mayManage(by, before.clientId())) {
            throw new NotFound("user", id);
        }
        if (before.id().equals(by.id()) && status == UserStatus.DISABLED) {
            throw BusinessRuleViolation.invalid("status", "You cannot disable your own account.");
        }
        User after = new User(before.id(), before.clientId(), before.email(), before.displayName(), before.roles(),
                before.allClients(), before.assignedClients(), status, before.createdAt());
        Instant now = clock.instant();
        rows.update(after, now);
        audit.record(before.clientId(), "user.status-changed", "user", id, before, after);
        if (before.status() == UserStatus.ACTIVE && status == UserStatus.DISABLED) {
            // workforce takes them off the floor and the work engine gives back what they hold, in this transaction
            events.publishEvent(new UserDeactivated(id, before.clientId(), by.email(), now));
        }
        return after;
    }

    /**
     * Display names of provider staff, so that anyone on the provider's side can see who holds a
     * piece of work. Staff rows belong to no client, and row-level security shows them only to the
     * provider-wide scope; the query reads nothing but staff names, so it runs in that scope.
     */
    public Map<UUID, String> staffNames(Collection<UUID> ids, CurrentUser by) {
        if (!by.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's staff look up staff names.");
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = TenantScope.call(AllowedClients.ALL, () -> providerReads.execute(tx -> rows.staffNames(ids)));
        return names == null ? Map.of() : Map.copyOf(names);
    }

    /**
     * Whether the user's account is active: a deactivated one signs in no more and is handed no work. Read
     * provider-wide, as staff rows are invisible to a client's scope; unknown ids are not active.
     */
    public boolean isActive(UUID id) {
        return Boolean.TRUE.equals(TenantScope.call(AllowedClients.ALL, () -> providerReads.execute(tx -> rows.isActive(id))));
    }

    /** Whether the email signs in one of the provider's staff (read provider-wide: client users cannot see staff). */
    public boolean isProviderStaff(String email) {
        return Boolean.TRUE.equals(TenantScope.call(AllowedClients.ALL, () -> providerReads.execute(tx -> rows.isProviderStaff(email))));
    }

    /**
     * Provider staff with one of the roles who serve the client, so a team lead can pick colleagues
     * (for a QA calibration, say). Read in the provider-wide scope, like {@link #staffNames}.
     */
    public List<User> staffServing(UUID clientId, Set<Role> roles, CurrentUser by) {
        if (!by.providerStaff() || !by.maySee(clientId)) {
            throw new NotFound("client", clientId);
        }
        clients.get(clientId);
        List<User> staff = TenantScope.call(AllowedClients.ALL, () -> providerReads.execute(tx ->
                rows.staffServing(clientId, roles.stream().map(Role::name).toList(), 500)));
        return staff == null ? List.of() : List.copyOf(staff);
    }

    public static boolean mayManage(CurrentUser by, @Nullable UUID clientId) {
        if (by.providerAdministrator()) {
            return true;
        }
        if (clientId == null) {
            return false;
        }
        return by.has(Role.CLIENT_ADMINISTRATOR) && clientId.equals(by.clientId())
                || by.providerStaff() && by.has(Role.ADMINISTRATOR) && by.maySee(clientId);
    }

    private static void requireManager(CurrentUser by, @Nullable UUID clientId) {
        if (!mayManage(by, clientId)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "You may not manage these users.");
        }
    }
}
