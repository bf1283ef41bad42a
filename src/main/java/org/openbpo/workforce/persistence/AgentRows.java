package org.openbpo.workforce.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Certification;
import org.openbpo.workforce.Presence;
import org.openbpo.workforce.ShiftCalendar;
import org.openbpo.workforce.ShiftInterval;
import org.openbpo.workforce.Skill;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
public class AgentRows {

    private static final UUID FIRST = new UUID(0, 0);

    // Skills and languages come along as arrays, so a page of agents is one query, not one per agent.
    private static final String COLUMNS = """
            a.*,
                   array(select s.skill from workforce.agent_skill s where s.user_id = a.user_id order by s.skill) as skill_names,
                   array(select s.proficiency from workforce.agent_skill s where s.user_id = a.user_id order by s.skill) as skill_levels,
                   array(select l.language::text from workforce.agent_language l where l.user_id = a.user_id order by l.language) as languages""";
    private static final String SELECT = "select " + COLUMNS + " from workforce.agent a";

    /** What routing filters an agent on: the agent, their centre's shifts, who certified them and whom the centre may serve. */
    public record EligibilityRow(Agent agent, ZoneId centreTimeZone, ShiftCalendar centreCalendar, Set<UUID> certifiedClients,
                                 Set<UUID> centreMayServe) {
    }

    private final JdbcClient jdbc;

    AgentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(UUID userId) {
        return jdbc.sql("select exists (select from workforce.agent where user_id = ?)").param(userId)
                .query(Boolean.class).single();
    }

    public void insert(Agent agent) {
        jdbc.sql("""
                        insert into workforce.agent (user_id, centre_id, team_lead_id, capacity, presence, presence_changed_at,
                                                     created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(agent.userId(), agent.centreId(), agent.teamLeadId(), agent.capacity(), agent.presence().name(),
                        Timestamp.from(agent.presenceChangedAt()), Timestamp.from(agent.createdAt()),
                        Timestamp.from(agent.createdAt()))
                .update();
        insertSkillsAndLanguages(agent);
    }

    public void updateProfile(Agent agent, Instant at) {
        jdbc.sql("update workforce.agent set centre_id = ?, team_lead_id = ?, capacity = ?, updated_at = ? where user_id = ?")
                .params(agent.centreId(), agent.teamLeadId(), agent.capacity(), Timestamp.from(at), agent.userId())
                .update();
        jdbc.sql("delete from workforce.agent_skill where user_id = ?").param(agent.userId()).update();
        jdbc.sql("delete from workforce.agent_language where user_id = ?").param(agent.userId()).update();
        insertSkillsAndLanguages(agent);
    }

    public void updatePresence(Agent agent) {
        jdbc.sql("update workforce.agent set presence = ?, presence_changed_at = ?, updated_at = ? where user_id = ?")
                .params(agent.presence().name(), Timestamp.from(agent.presenceChangedAt()),
                        Timestamp.from(agent.presenceChangedAt()), agent.userId())
                .update();
    }

    private void insertSkillsAndLanguages(Agent agent) {
        for (Skill skill : agent.skills()) {
            jdbc.sql("insert into workforce.agent_skill (user_id, skill, proficiency) values (?, ?, ?)")
                    .params(agent.userId(), skill.name(), skill.proficiency()).update();
        }
        for (String language : agent.languages()) {
            jdbc.sql("insert into workforce.agent_language (user_id, language) values (?, ?)")
                    .params(agent.userId(), language).update();
        }
    }

    public Optional<Agent> find(UUID userId) {
        return jdbc.sql(SELECT + " where a.user_id = ?").param(userId)
                .query((rs, n) -> agent(rs)).optional();
    }

    /** A page of agents ordered by user id, optionally of one centre. */
    public List<Agent> page(@Nullable UUID centreId, @Nullable UUID after, int limit) {
        String where = centreId == null ? "true" : "a.centre_id = ?";
        var statement = jdbc.sql(SELECT + " where " + where + " and a.user_id > ? order by a.user_id limit ?");
        if (centreId != null) {
            statement = statement.param(centreId);
        }
        return statement.param(after == null ? FIRST : after).param(limit).query((rs, n) -> agent(rs)).list();
    }

    /** The agents who work at the centre. */
    public Set<UUID> atCentre(UUID centreId) {
        return Set.copyOf(jdbc.sql("select user_id from workforce.agent where centre_id = ?").param(centreId)
                .query(UUID.class).list());
    }

    /** Returns false when the agent was already certified for the client. */
    public boolean certify(UUID clientId, UUID agentUserId, Instant at) {
        return jdbc.sql("""
                        insert into workforce.agent_certification (client_id, agent_user_id, certified_at) values (?, ?, ?)
                        on conflict (client_id, agent_user_id) do nothing""")
                .params(clientId, agentUserId, Timestamp.from(at)).update() == 1;
    }

    public Optional<Certification> certification(UUID clientId, UUID agentUserId) {
        return jdbc.sql("select * from workforce.agent_certification where client_id = ? and agent_user_id = ?")
                .params(clientId, agentUserId).query((rs, n) -> certification(rs)).optional();
    }

    public boolean revoke(UUID clientId, UUID agentUserId) {
        return jdbc.sql("delete from workforce.agent_certification where client_id = ? and agent_user_id = ?")
                .params(clientId, agentUserId).update() == 1;
    }

    /** An agent's certifications, as far as row-level security lets the caller see the clients. */
    public List<Certification> certifications(UUID agentUserId, @Nullable UUID afterClient, int limit) {
        return jdbc.sql("""
                        select * from workforce.agent_certification where agent_user_id = ? and client_id > ?
                         order by client_id limit ?""")
                .params(agentUserId, afterClient == null ? FIRST : afterClient, limit)
                .query((rs, n) -> certification(rs)).list();
    }

    /** The agents a client has certified, ordered by user id. */
    public List<Agent> certifiedFor(UUID clientId, int limit) {
        return jdbc.sql(SELECT + " where exists (select from workforce.agent_certification c"
                        + " where c.client_id = ? and c.agent_user_id = a.user_id) order by a.user_id limit ?")
                .params(clientId, limit).query((rs, n) -> agent(rs)).list();
    }

    /**
     * {@link EligibilityRow} in one statement, since get-next asks it for every agent whose routing
     * it no longer remembers. The clients come as the transaction's tenant scope lets it see them.
     */
    public Optional<EligibilityRow> eligibility(UUID userId) {
        return jdbc.sql("select " + COLUMNS + """
                        , c.time_zone,
                               array(select i.weekday from workforce.shift_interval i where i.centre_id = c.id
                                      order by i.weekday, i.opens) as shift_days,
                               array(select i.opens::text from workforce.shift_interval i where i.centre_id = c.id
                                      order by i.weekday, i.opens) as shift_opens,
                               array(select i.closes::text from workforce.shift_interval i where i.centre_id = c.id
                                      order by i.weekday, i.opens) as shift_closes,
                               array(select h.day::text from workforce.centre_holiday h where h.centre_id = c.id order by h.day) as holidays,
                               array(select k.client_id from workforce.agent_certification k where k.agent_user_id = a.user_id) as certified,
                               array(select s.client_id from workforce.centre_client s where s.centre_id = c.id) as served
                          from workforce.agent a join workforce.delivery_centre c on c.id = a.centre_id
                         where a.user_id = ?""")
                .param(userId)
                .query((rs, n) -> new EligibilityRow(agent(rs), ZoneId.of(rs.getString("time_zone")), calendar(rs),
                        Set.copyOf(List.of((UUID[]) rs.getArray("certified").getArray())),
                        Set.copyOf(List.of((UUID[]) rs.getArray("served").getArray()))))
                .optional();
    }

    private static ShiftCalendar calendar(ResultSet rs) throws SQLException {
        Object days = rs.getArray("shift_days").getArray();
        String[] opens = (String[]) rs.getArray("shift_opens").getArray();
        String[] closes = (String[]) rs.getArray("shift_closes").getArray();
        List<ShiftInterval> shifts = new ArrayList<>(opens.length);
        for (int i = 0; i < opens.length; i++) {
            shifts.add(new ShiftInterval(DayOfWeek.of(((Number) java.lang.reflect.Array.get(days, i)).intValue()),
                    LocalTime.parse(opens[i]), LocalTime.parse(closes[i])));
        }
        List<LocalDate> holidays = Arrays.stream((String[]) rs.getArray("holidays").getArray()).map(LocalDate::parse).toList();
        return new ShiftCalendar(shifts, holidays);
    }

    private static Agent agent(ResultSet rs) throws SQLException {
        String[] names = (String[]) rs.getArray("skill_names").getArray();
        Object levels = rs.getArray("skill_levels").getArray();
        List<Skill> skills = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            skills.add(new Skill(names[i], ((Number) java.lang.reflect.Array.get(levels, i)).intValue()));
        }
        List<String> languages = Arrays.asList((String[]) rs.getArray("languages").getArray());
        return new Agent(rs.getObject("user_id", UUID.class), rs.getObject("centre_id", UUID.class),
                rs.getObject("team_lead_id", UUID.class), skills, languages, rs.getInt("capacity"),
                Presence.valueOf(rs.getString("presence")), rs.getTimestamp("presence_changed_at").toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Certification certification(ResultSet rs) throws SQLException {
        return new Certification(rs.getObject("client_id", UUID.class), rs.getObject("agent_user_id", UUID.class),
                rs.getTimestamp("certified_at").toInstant());
    }
}
