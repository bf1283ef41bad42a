package org.openbpo.work.persistence;

import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class WorkTypeRows {

    public record Versioned(int version, WorkTypeDefinition definition) {
    }

    /** Open items still running as one version of a work type. */
    public record OpenOnVersion(int version, long openItems) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    WorkTypeRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Holds the work type's code until the transaction ends, so that its versions are saved one after another. */
    public void lock(UUID clientId, String code) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("work.work-type:" + clientId + ":" + code)
                .query().singleRow();
    }

    public int insertNextVersion(UUID clientId, WorkTypeDefinition definition, Instant at, String by) {
        return jdbc.sql("""
                        insert into work.work_type (client_id, code, version, name, definition, created_at, created_by)
                        select ?, ?, coalesce(max(version), 0) + 1, ?, ?::jsonb, ?, ?
                          from work.work_type where client_id = ? and code = ?
                        returning version""")
                .params(clientId, definition.code(), definition.name(), json.writeValueAsString(definition),
                        Timestamp.from(at), by, clientId, definition.code())
                .query(Integer.class).single();
    }

    public Optional<Versioned> latest(UUID clientId, String code) {
        return jdbc.sql("""
                        select version, definition::text from work.work_type where client_id = ? and code = ?
                         order by version desc limit 1""")
                .params(clientId, code)
                .query((rs, n) -> new Versioned(rs.getInt(1), json.readValue(rs.getString(2), WorkTypeDefinition.class)))
                .optional();
    }

    /** The newest version's number, without reading its definition. */
    public Optional<Integer> latestVersion(UUID clientId, String code) {
        return jdbc.sql("select version from work.work_type where client_id = ? and code = ? order by version desc limit 1")
                .params(clientId, code).query(Integer.class).optional();
    }

    public Optional<WorkTypeDefinition> version(UUID clientId, String code, int version) {
        return jdbc.sql("select definition::text from work.work_type where client_id = ? and code = ? and version = ?")
                .params(clientId, code, version)
                .query((rs, n) -> json.readValue(rs.getString(1), WorkTypeDefinition.class)).optional();
    }

    public List<Versioned> latestOfClient(UUID clientId) {
        return jdbc.sql("""
                        select distinct on (code) version, definition::text from work.work_type
                         where client_id = ? order by code, version desc""")
                .param(clientId)
                .query((rs, n) -> new Versioned(rs.getInt(1), json.readValue(rs.getString(2), WorkTypeDefinition.class)))
                .list();
    }

    /** How many items not done or cancelled each version of the work type before {@code version} still runs, oldest first. */
    public List<OpenOnVersion> openBefore(UUID clientId, String code, int version) {
        return jdbc.sql("""
                        select work_type_version, count(*) from work.work_item
                         where client_id = ? and work_type = ? and work_type_version < ? and category not in ('DONE', 'CANCELLED')
                         group by work_type_version order by work_type_version""")
                .params(clientId, code, version)
                .query((rs, n) -> new OpenOnVersion(rs.getInt(1), rs.getLong(2))).list();
    }
}
