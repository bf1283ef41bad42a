package org.openbpo.quality.persistence;

import org.openbpo.quality.QaForm;
import org.openbpo.quality.QaQuestion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class QaFormRows {

    private static final TypeReference<List<QaQuestion>> QUESTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    QaFormRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The next version of the form; the primary key refuses a version saved twice at once. */
    public int insert(UUID clientId, String code, String name, BigDecimal passMark, List<QaQuestion> questions, Instant at, String by) {
        return jdbc.sql("""
                        insert into quality.qa_form (client_id, code, version, name, pass_mark, questions, created_at, created_by)
                        select ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?::jsonb, ?, ?
                          from quality.qa_form where client_id = ? and code = ?
                        returning version""")
                .params(clientId, code, name, passMark, json.writeValueAsString(questions), Timestamp.from(at), by, clientId, code)
                .query(Integer.class).single();
    }

    public Optional<QaForm> latest(UUID clientId, String code) {
        return jdbc.sql("select * from quality.qa_form where client_id = ? and code = ? order by version desc limit 1")
                .params(clientId, code).query(this::map).optional();
    }

    public Optional<QaForm> version(UUID clientId, String code, int version) {
        return jdbc.sql("select * from quality.qa_form where client_id = ? and code = ? and version = ?")
                .params(clientId, code, version).query(this::map).optional();
    }

    public List<QaForm> latestOfClient(UUID clientId) {
        return jdbc.sql("""
                        select distinct on (code) * from quality.qa_form where client_id = ? order by code, version desc""")
                .param(clientId).query(this::map).list();
    }

    private QaForm map(ResultSet rs, int n) throws SQLException {
        return new QaForm(rs.getObject("client_id", UUID.class), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                rs.getBigDecimal("pass_mark"), json.readValue(rs.getString("questions"), QUESTIONS),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
