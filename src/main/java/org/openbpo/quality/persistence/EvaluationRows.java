package org.openbpo.quality.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.quality.Evaluation;
import org.openbpo.quality.QaAnswer;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

@Repository
public class EvaluationRows {

    private static final TypeReference<Map<String, QaAnswer>> ANSWERS = new TypeReference<>() {
    };

    /** What QA found on a service line's items completed in a period. */
    public record LineAccuracy(String serviceLine, long evaluations, long passed, long fieldsChecked, long errorsFound) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EvaluationRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(Evaluation e) {
        jdbc.sql("""
                        insert into quality.evaluation (client_id, id, item_id, service_line, agent_id, form_code, form_version,
                               calibration_id, evaluator_id, evaluator, answers, score, fatal, passed, fields_checked, errors_found,
                               comment, evaluated_at, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.clientId(), e.id(), e.itemId(), e.serviceLine(), e.agentId(), e.formCode(), e.formVersion(),
                        e.calibrationId(), e.evaluatorId(), e.evaluator(), json.writeValueAsString(e.answers()), e.score(),
                        e.fatal(), e.passed(), e.fieldsChecked(), e.errorsFound(), e.comment(), Timestamp.from(e.evaluatedAt()),
                        e.status())
                .update();
    }

    public Optional<Evaluation> get(UUID clientId, UUID id) {
        return jdbc.sql("select * from quality.evaluation where client_id = ? and id = ?")
                .params(clientId, id).query(this::map).optional();
    }

    /** Locks the evaluation for a change of status, so an acknowledgement and a dispute cannot both win. */
    public Optional<Evaluation> lock(UUID clientId, UUID id) {
        return jdbc.sql("select * from quality.evaluation where client_id = ? and id = ? for update")
                .params(clientId, id).query(this::map).optional();
    }

    public void acknowledge(UUID clientId, UUID id, Instant at) {
        jdbc.sql("update quality.evaluation set status = 'CLOSED', acknowledged_at = ? where client_id = ? and id = ?")
                .params(Timestamp.from(at), clientId, id).update();
    }

    public void dispute(UUID clientId, UUID id, String reason, Instant at) {
        jdbc.sql("update quality.evaluation set status = 'DISPUTED', disputed_at = ?, dispute_reason = ? where client_id = ? and id = ?")
                .params(Timestamp.from(at), reason, clientId, id).update();
    }

    public void review(UUID clientId, UUID id, UUID reviewerId, String reviewer, String outcome, String note, Instant at,
                       Map<String, QaAnswer> answers, BigDecimal score, boolean fatal, boolean passed, BigDecimal originalScore) {
        jdbc.sql("""
                        update quality.evaluation
                           set status = 'CLOSED', reviewer_id = ?, reviewer = ?, review_outcome = ?, review_note = ?, reviewed_at = ?,
                               answers = ?::jsonb, score = ?, fatal = ?, passed = ?, original_score = ?
                         where client_id = ? and id = ?""")
                .params(reviewerId, reviewer, outcome, note, Timestamp.from(at), json.writeValueAsString(answers), score, fatal,
                        passed, originalScore, clientId, id)
                .update();
    }

    public List<Evaluation> ofAgent(UUID clientId, UUID agentId, int limit) {
        return jdbc.sql("""
                        select * from quality.evaluation where client_id = ? and agent_id = ? and calibration_id is null
                         order by evaluated_at desc limit ?""")
                .params(clientId, agentId, limit).query(this::map).list();
    }

    public List<Evaluation> ofCalibration(UUID clientId, UUID calibrationId) {
        return jdbc.sql("select * from quality.evaluation where client_id = ? and calibration_id = ? order by evaluated_at")
                .params(clientId, calibrationId).query(this::map).list();
    }

    public List<Evaluation> recent(UUID clientId, int limit) {
        return jdbc.sql("""
                        select * from quality.evaluation where client_id = ? and calibration_id is null
                         order by evaluated_at desc limit ?""")
                .params(clientId, limit).query(this::map).list();
    }

    /**
     * Evaluations of the items completed in [from, to) on a service line: the accuracy figure's items,
     * those the sampling rules drew; work flagged for QA (a complaint, a suspicion) is evaluated for the
     * agent and not counted in the client's figure, which it would bias.
     */
    public List<Evaluation> ofItemsCompleted(UUID clientId, String serviceLine, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select e.* from quality.evaluation e
                          join quality.sample s on s.client_id = e.client_id and s.item_id = e.item_id
                         where e.client_id = ? and e.service_line = ? and e.calibration_id is null
                           and s.sampled_at >= ? and s.sampled_at < ? and s.reason <> 'FLAGGED'
                         order by s.sampled_at, e.item_id limit ?""")
                .params(clientId, serviceLine, Timestamp.from(from), Timestamp.from(to), limit).query(this::map).list();
    }

    /** Per service line, what QA found on the items completed in [from, to) that the sampling rules drew (not flagged work). */
    public List<LineAccuracy> accuracy(UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                        select e.service_line, count(*), count(*) filter (where e.passed),
                               coalesce(sum(e.fields_checked), 0), coalesce(sum(e.errors_found), 0)
                          from quality.evaluation e
                          join quality.sample s on s.client_id = e.client_id and s.item_id = e.item_id
                         where e.client_id = ? and e.calibration_id is null and s.sampled_at >= ? and s.sampled_at < ?
                           and s.reason <> 'FLAGGED'
                         group by e.service_line order by e.service_line""")
                .params(clientId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new LineAccuracy(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    private Evaluation map(ResultSet rs, int n) throws SQLException {
        Map<String, QaAnswer> answers = new TreeMap<>(json.readValue(rs.getString("answers"), ANSWERS));
        List<String> failed = answers.entrySet().stream().filter(a -> a.getValue() == QaAnswer.NO).map(Map.Entry::getKey).toList();
        return new Evaluation(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getLong("item_id"),
                rs.getString("service_line"), rs.getObject("agent_id", UUID.class), rs.getString("form_code"),
                rs.getInt("form_version"), rs.getObject("calibration_id", UUID.class), rs.getObject("evaluator_id", UUID.class),
                rs.getString("evaluator"), answers, rs.getBigDecimal("score"), rs.getBoolean("fatal"), rs.getBoolean("passed"),
                failed, integer(rs, "fields_checked"), integer(rs, "errors_found"), rs.getString("comment"),
                rs.getTimestamp("evaluated_at").toInstant(), rs.getString("status"), instant(rs, "acknowledged_at"),
                instant(rs, "disputed_at"), rs.getString("dispute_reason"), rs.getObject("reviewer_id", UUID.class),
                rs.getString("reviewer"), rs.getString("review_outcome"), rs.getString("review_note"), instant(rs, "reviewed_at"),
                rs.getBigDecimal("original_score"));
    }

    static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
