package org.openbpo.workforce.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads who a user is from tenancy's table. Tenancy's {@code Users.get} only answers provider
 * administrators, and operations managers enrol agents too; until tenancy offers a staff lookup,
 * this one read-only query crosses the schema line. Row-level security still applies.
 */
@Repository
public class StaffRows {

    public record StaffMember(UUID id, @Nullable UUID clientId, Set<String> roles, boolean active) {

        public boolean providerStaff() {
            return clientId == null;
        }
    }

    private final JdbcClient jdbc;

    StaffRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StaffMember> find(UUID userId) {
        return jdbc.sql("select id, client_id, roles, status from tenancy.app_user where id = ?").param(userId)
                .query((rs, n) -> new StaffMember(rs.getObject("id", UUID.class), rs.getObject("client_id", UUID.class),
                        Set.of((String[]) rs.getArray("roles").getArray()), "ACTIVE".equals(rs.getString("status"))))
                .optional();
    }
}
