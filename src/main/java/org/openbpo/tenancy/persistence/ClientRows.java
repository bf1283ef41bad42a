package org.openbpo.tenancy.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientMatches;
import org.openbpo.tenancy.ClientStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
public class ClientRows {

    private static final RowMapper<Client> CLIENT = (rs, n) -> new Client(
            rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
            rs.getString("legal_entity"), rs.getString("country"), ZoneId.of(rs.getString("time_zone")),
            Currency.getInstance(rs.getString("currency")), ClientStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;

    ClientRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Client client) {
        jdbc.sql("""
                        insert into tenancy.client (id, code, name, legal_entity, country, time_zone, currency, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(client.id(), client.code(), client.name(), client.legalEntity(), client.country(),
                        client.timeZone().getId(), client.currency().getCurrencyCode(), client.status().name(),
                        Timestamp.from(client.createdAt()), Timestamp.from(client.createdAt()))
                .update();
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select exists (select from tenancy.client where code = ?)").param(code)
                .query(Boolean.class).single();
    }

    public Optional<Client> find(UUID id) {
        return jdbc.sql("select * from tenancy.client where id = ?").param(id).query(CLIENT).optional();
    }

    public Optional<Client> findByCode(String code) {
        return jdbc.sql("select * from tenancy.client where code = ?").param(code).query(CLIENT).optional();
    }

    /** The time zone of each of the clients the caller may see. */
    public Map<UUID, ZoneId> zones(Collection<UUID> ids) {
        Map<UUID, ZoneId> zones = new HashMap<>();
        jdbc.sql("select id, time_zone from tenancy.client where id = any (?)").param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    zones.put(rs.getObject(1, UUID.class), ZoneId.of(rs.getString(2)));
                });
        return zones;
    }

    /** The ids of every client the caller serves (row-level security leaves out the rest). */
    public List<UUID> ids() {
        return jdbc.sql("select id from tenancy.client order by code").query(UUID.class).list();
    }

    /** The names of these clients, by id; those the caller does not serve are left out. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        jdbc.sql("select id, name from tenancy.client where id = any (?)").param(ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    /** One page ordered by code, starting after {@code afterCode} (the cursor). */
    public List<Client> page(@Nullable String afterCode, int limit) {
        return jdbc.sql("select * from tenancy.client where code > ? order by code limit ?")
                .params(afterCode == null ? "" : afterCode, limit).query(CLIENT).list();
    }

    /**
     * Clients whose code or name contains {@code text} (any case), most relevant first: the exact code, then codes
     * and names starting with it, then the rest, each by code; with the count of all matches. Row-level security
     * leaves out the clients the caller does not serve.
     */
    public ClientMatches search(String text, int limit) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        List<Map.Entry<Client, Integer>> rows = jdbc.sql("""
                        select *, count(*) over () as found from tenancy.client
                        where code ilike :within or name ilike :within
                        order by case when upper(code) = upper(:text) then 0
                                      when code ilike :start or name ilike :start then 1 else 2 end, code
                        limit :limit""")
                .param("text", text).param("within", "%" + escaped + "%").param("start", escaped + "%").param("limit", limit)
                .query((rs, n) -> Map.entry(CLIENT.mapRow(rs, n), rs.getInt("found"))).list();
        return new ClientMatches(rows.stream().map(Map.Entry::getKey).toList(), rows.isEmpty() ? 0 : rows.getFirst().getValue());
    }

    public void update(Client client, java.time.Instant at) {
        jdbc.sql("""
                        update tenancy.client set name = ?, legal_entity = ?, country = ?, time_zone = ?, currency = ?,
                               status = ?, updated_at = ? where id = ?""")
                .params(client.name(), client.legalEntity(), client.country(), client.timeZone().getId(),
                        client.currency().getCurrencyCode(), client.status().name(), Timestamp.from(at), client.id())
                .update();
    }
}
