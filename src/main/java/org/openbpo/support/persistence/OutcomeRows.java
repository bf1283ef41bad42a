package org.openbpo.support.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.support.SatisfactionSummary;
import org.openbpo.support.TicketOutcome;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Resolved tickets' outcomes and their surveys. */
@Repository
public class OutcomeRows {

    /** What the survey link found: the ticket it asks about. */
    public record Survey(UUID clientId, long itemId, @Nullable Integer score) {
    }

    private static final RowMapper<TicketOutcome> OUTCOME = (rs, n) -> new TicketOutcome(rs.getLong("item_id"),
            rs.getString("service_line"), rs.getTimestamp("resolved_at").toInstant(), rs.getLong("handle_seconds"),
            rs.getBoolean("first_contact"), at(rs.getTimestamp("survey_sent_at")), rs.getObject("score", Integer.class),
            at(rs.getTimestamp("answered_at")));

    private final JdbcClient jdbc;

    OutcomeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the outcome once; false when the ticket already has one (a redelivered event). */
    public boolean insert(UUID clientId, long itemId, String serviceLine, Instant resolvedAt, long handleSeconds, boolean firstContact,
                          @Nullable String tokenHash, @Nullable Instant surveySentAt) {
        return jdbc.sql("""
                        insert into support.ticket_outcome (client_id, item_id, service_line, resolved_at, handle_seconds, first_contact,
                                                            survey_token, survey_sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id, item_id) do nothing""")
                .params(clientId, itemId, serviceLine, ts(resolvedAt), handleSeconds, firstContact, tokenHash,
                        surveySentAt == null ? null : ts(surveySentAt)).update() == 1;
    }

    public Optional<Survey> survey(UUID clientId, String tokenHash) {
        return jdbc.sql("select client_id, item_id, score from support.ticket_outcome where client_id = ? and survey_token = ? for update")
                .params(clientId, tokenHash)
                .query((rs, n) -> new Survey(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, Integer.class))).optional();
    }

    /** The survey without locking it: for showing, never for answering. */
    public Optional<Survey> peek(UUID clientId, String tokenHash) {
        return jdbc.sql("select client_id, item_id, score from support.ticket_outcome where client_id = ? and survey_token = ?")
                .params(clientId, tokenHash)
                .query((rs, n) -> new Survey(rs.getObject(1, UUID.class), rs.getLong(2), rs.getObject(3, Integer.class))).optional();
    }

    public void answer(UUID clientId, long itemId, int score, Instant at) {
        jdbc.sql("update support.ticket_outcome set score = ?, answered_at = ? where client_id = ? and item_id = ?")
                .params(score, ts(at), clientId, itemId).update();
    }

    public Optional<TicketOutcome> of(UUID clientId, long itemId) {
        return jdbc.sql("""
                        select item_id, service_line, resolved_at, handle_seconds, first_contact, survey_sent_at, score, answered_at
                          from support.ticket_outcome where client_id = ? and item_id = ?""")
                .params(clientId, itemId).query(OUTCOME).optional();
    }

    public SatisfactionSummary summary(UUID clientId, String serviceLine, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) as resolved, count(survey_sent_at) as sent, count(score) as answers,
                               count(*) filter (where score >= 4) as satisfied, sum(score) as score_total,
                               count(*) filter (where first_contact) as first_contact, sum(handle_seconds) as handle_total
                          from support.ticket_outcome
                         where client_id = ? and service_line = ? and resolved_at >= ? and resolved_at < ?""")
                .params(clientId, serviceLine, ts(from), ts(to))
                .query((rs, n) -> {
                    long resolved = rs.getLong("resolved");
                    long answers = rs.getLong("answers");
                    long firstContact = rs.getLong("first_contact");
                    return new SatisfactionSummary(serviceLine, from, to, resolved, rs.getLong("sent"), answers,
                            percent(rs.getLong("satisfied"), answers), ratio(rs.getLong("score_total"), answers),
                            firstContact, percent(firstContact, resolved),
                            resolved == 0 ? null : (rs.getLong("handle_total") + resolved / 2) / resolved);
                }).single();
    }

    /** Percent with one decimal, half up: how scorecards print KPI results. */
    private static @Nullable BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal ratio(long total, long count) {
        return count == 0 ? null : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    private static @Nullable Instant at(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
