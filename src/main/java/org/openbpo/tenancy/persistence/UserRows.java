package org.openbpo.tenancy.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.UserStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
public class UserRows {

    /** A user with what login needs and the API never shows. */
    public record Credentials(User user, String passwordHash, int failedLogins, @Nullable Instant lockedUntil) {
    }

    private static final String SELECT = """
            select u.*, array(select uc.client_id from tenancy.user_client uc where uc.user_id = u.id) as assigned
              from tenancy.app_user u""";

    private final JdbcClient jdbc;
    private final PrincipalChanges changes;

    UserRows(JdbcClient jdbc, PrincipalChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    public void insert(User user, String passwordHash) {
        Timestamp now = Timestamp.from(user.createdAt());
        jdbc.sql("""
                        insert into tenancy.app_user (id, client_id, email, display_name, password_hash, roles, all_clients,
                                                      status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)""")
                .params(user.id(), user.clientId(), user.email(), user.displayName(), passwordHash,
                        roles(user.roles()), user.allClients(), user.status().name(), now, now)
                .update();
        for (UUID client : user.assignedClients()) {
            jdbc.sql("insert into tenancy.user_client (client_id, user_id) values (?, ?)").params(client, user.id()).update();
        }
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select exists (select from tenancy.app_user where lower(email) = lower(?))").param(email)
                .query(Boolean.class).single();
    }

    public Optional<User> find(UUID id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query((rs, n) -> user(rs)).optional();
    }

    public Optional<Credentials> credentials(String email) {
        return jdbc.sql(SELECT + " where lower(u.email) = lower(?)").param(email)
                .query((rs, n) -> new Credentials(user(rs), rs.getString("password_hash"), rs.getInt("failed_logins"),
                        instant(rs.getTimestamp("locked_until"))))
                .optional();
    }

    /** Users of one client (or provider staff when {@code clientId} is null), a page after the cursor. */
    public List<User> page(@Nullable UUID clientId, @Nullable UUID after, int limit) {
        String where = clientId == null ? "u.client_id is null" : "u.client_id = ?";
        var statement = jdbc.sql(SELECT + " where " + where + " and u.id > ? order by u.id limit ?");
        if (clientId != null) {
            statement = statement.param(clientId);
        }
        return statement.param(after == null ? new UUID(0, 0) : after).param(limit).query((rs, n) -> user(rs)).list();
    }

    /** Active provider staff holding one of the roles who serve the client (all clients, or assigned to it), by name. */
    public List<User> staffServing(UUID clientId, Collection<String> roles, int limit) {
        return jdbc.sql(SELECT + " " + """
                         where u.client_id is null and u.status = 'ACTIVE' and u.roles && ?::text[]
                           and (u.all_clients or exists (select from tenancy.user_client uc where uc.user_id = u.id and uc.client_id = ?))
                         order by u.display_name, u.id limit ?""")
                .params(roles.toArray(String[]::new), clientId, limit).query((rs, n) -> user(rs)).list();
    }

    public boolean isActive(UUID id) {
        return jdbc.sql("select exists (select from tenancy.app_user where id = ? and status = 'ACTIVE')")
                .param(id).query(Boolean.class).single();
    }

    public boolean isProviderStaff(String email) {
        return jdbc.sql("select exists (select from tenancy.app_user where client_id is null and lower(email) = lower(?))")
                .param(email).query(Boolean.class).single();
    }

    /** Display names of provider staff among the ids; client users' ids are ignored. */
    public Map<UUID, String> staffNames(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, display_name from tenancy.app_user where client_id is null and id = any (?)")
                .param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    /**
     * Counts a failed login in one statement, so attempts made at the same moment each count: the {@code maxFailures}-th
     * in a row locks the account until {@code lockUntil} and starts the count again; a lock in force is never lifted
     * here. Returns the account's lock as it now stands.
     */
    public Optional<Instant> recordFailedLogin(UUID id, int maxFailures, Instant lockUntil) {
        return jdbc.sql("""
                        update tenancy.app_user
                           set failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                               locked_until = case when failed_logins + 1 >= :max then greatest(locked_until, :lockUntil)
                                                   else locked_until end
                         where id = :id
                        returning locked_until""")
                .param("max", maxFailures).param("lockUntil", Timestamp.from(lockUntil)).param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    /** A login went through: the count starts again, unless a lock was set meanwhile by attempts made at the same moment. */
    public void recordSuccessfulLogin(UUID id, Instant at) {
        jdbc.sql("""
                        update tenancy.app_user set failed_logins = 0, locked_until = null
                         where id = ? and failed_logins <> 0 and (locked_until is null or locked_until <= ?)""")
                .params(id, Timestamp.from(at)).update();
    }

    public void update(User user, Instant at) {
        changes.changedOnCommit();
        jdbc.sql("update tenancy.app_user set display_name = ?, roles = ?::text[], status = ?, updated_at = ? where id = ?")
                .params(user.displayName(), roles(user.roles()), user.status().name(), Timestamp.from(at), user.id())
                .update();
    }

    private static String roles(Set<Role> roles) {
        return "{" + String.join(",", roles.stream().map(Role::name).sorted().toList()) + "}";
    }

    /** A user from a row with app_user's column names and the {@code assigned} clients. */
    static User user(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        Array assigned = rs.getArray("assigned");
        Set<UUID> clients = new HashSet<>(Arrays.asList((UUID[]) assigned.getArray()));
        return new User(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class), rs.getString("email"),
                rs.getString("display_name"), roles, rs.getBoolean("all_clients"), clients,
                UserStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
