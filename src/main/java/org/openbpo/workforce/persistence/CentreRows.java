package org.openbpo.workforce.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.workforce.CostRate;
import org.openbpo.workforce.DeliveryCentre;
import org.openbpo.workforce.ServedClient;
import org.openbpo.workforce.ShiftCalendar;
import org.openbpo.workforce.ShiftInterval;
import org.openbpo.workforce.Shore;
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
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Repository
public class CentreRows {

    private final JdbcClient jdbc;

    CentreRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(DeliveryCentre centre) {
        jdbc.sql("""
                        insert into workforce.delivery_centre (id, code, name, shore, country, time_zone, cost_rate_minor,
                                                              cost_currency, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(centre.id(), centre.code(), centre.name(), centre.shore().name(), centre.country(),
                        centre.timeZone().getId(), centre.costPerAgentHour().amountMinor(),
                        centre.costPerAgentHour().currency().getCurrencyCode(), Timestamp.from(centre.createdAt()),
                        Timestamp.from(centre.createdAt()))
                .update();
        insertCalendar(centre.id(), centre.shiftCalendar());
    }

    public void update(DeliveryCentre centre, Instant at) {
        jdbc.sql("""
                        update workforce.delivery_centre set name = ?, shore = ?, country = ?, time_zone = ?,
                               cost_rate_minor = ?, cost_currency = ?, updated_at = ? where id = ?""")
                .params(centre.name(), centre.shore().name(), centre.country(), centre.timeZone().getId(),
                        centre.costPerAgentHour().amountMinor(), centre.costPerAgentHour().currency().getCurrencyCode(),
                        Timestamp.from(at), centre.id())
                .update();
        // The calendar is replaced whole: it is small and only valid as a whole (no overlaps).
        jdbc.sql("delete from workforce.shift_interval where centre_id = ?").param(centre.id()).update();
        jdbc.sql("delete from workforce.centre_holiday where centre_id = ?").param(centre.id()).update();
        insertCalendar(centre.id(), centre.shiftCalendar());
    }

    private void insertCalendar(UUID centreId, ShiftCalendar calendar) {
        for (ShiftInterval shift : calendar.weeklyShifts()) {
            jdbc.sql("insert into workforce.shift_interval (centre_id, weekday, opens, closes) values (?, ?, ?, ?)")
                    .params(centreId, shift.weekday().getValue(), shift.opens(), shift.closes()).update();
        }
        for (LocalDate day : calendar.holidays()) {
            jdbc.sql("insert into workforce.centre_holiday (centre_id, day) values (?, ?)").params(centreId, day).update();
        }
    }

    public boolean codeTaken(String code) {
        return jdbc.sql("select exists (select from workforce.delivery_centre where code = ?)").param(code)
                .query(Boolean.class).single();
    }

    public Optional<DeliveryCentre> find(UUID id) {
        return jdbc.sql("select * from workforce.delivery_centre where id = ?").param(id)
                .query((rs, n) -> centre(rs)).optional();
    }

    public Optional<DeliveryCentre> findByCode(String code) {
        return jdbc.sql("select * from workforce.delivery_centre where code = ?").param(code)
                .query((rs, n) -> centre(rs)).optional();
    }

    /**
     * One page ordered by code after the cursor. The calendar is read per centre: a provider has
     * tens of sites, not thousands, so the extra queries stay cheap.
     */
    public List<DeliveryCentre> page(@Nullable String afterCode, int limit) {
        return jdbc.sql("select * from workforce.delivery_centre where code > ? order by code limit ?")
                .params(afterCode == null ? "" : afterCode, limit).query((rs, n) -> centre(rs)).list();
    }

    /** Returns false when the centre already served the client. */
    public boolean allowClient(UUID clientId, UUID centreId, Instant at) {
        return jdbc.sql("""
                        insert into workforce.centre_client (client_id, centre_id, allowed_at) values (?, ?, ?)
                        on conflict (client_id, centre_id) do nothing""")
                .params(clientId, centreId, Timestamp.from(at)).update() == 1;
    }

    public Optional<ServedClient> servedClient(UUID clientId, UUID centreId) {
        return jdbc.sql("select * from workforce.centre_client where client_id = ? and centre_id = ?")
                .params(clientId, centreId).query((rs, n) -> servedClient(rs)).optional();
    }

    public boolean disallowClient(UUID clientId, UUID centreId) {
        return jdbc.sql("delete from workforce.centre_client where client_id = ? and centre_id = ?")
                .params(clientId, centreId).update() == 1;
    }

    /** The ids of the clients a centre serves, as far as row-level security lets the caller see them. */
    public Set<UUID> servedClientIds(UUID centreId) {
        return Set.copyOf(jdbc.sql("select client_id from workforce.centre_client where centre_id = ?").param(centreId)
                .query(UUID.class).list());
    }

    /** The clients a centre serves, as far as row-level security lets the caller see them. */
    public List<ServedClient> servedClients(UUID centreId, @Nullable UUID afterClient, int limit) {
        return jdbc.sql("""
                        select * from workforce.centre_client where centre_id = ? and client_id > ?
                         order by client_id limit ?""")
                .params(centreId, afterClient == null ? new UUID(0, 0) : afterClient, limit)
                .query((rs, n) -> servedClient(rs)).list();
    }

    private DeliveryCentre centre(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new DeliveryCentre(id, rs.getString("code"), rs.getString("name"), Shore.valueOf(rs.getString("shore")),
                rs.getString("country"), ZoneId.of(rs.getString("time_zone")),
                new CostRate(rs.getLong("cost_rate_minor"), Currency.getInstance(rs.getString("cost_currency"))),
                calendar(id), rs.getTimestamp("created_at").toInstant());
    }

    private ShiftCalendar calendar(UUID centreId) {
        List<ShiftInterval> shifts = jdbc.sql("""
                        select weekday, opens, closes from workforce.shift_interval where centre_id = ?
                         order by weekday, opens""").param(centreId)
                .query((rs, n) -> new ShiftInterval(DayOfWeek.of(rs.getInt("weekday")),
                        rs.getObject("opens", LocalTime.class), rs.getObject("closes", LocalTime.class)))
                .list();
        List<LocalDate> holidays = jdbc.sql("select day from workforce.centre_holiday where centre_id = ? order by day")
                .param(centreId).query((rs, n) -> rs.getObject("day", LocalDate.class)).list();
        return new ShiftCalendar(shifts, holidays);
    }

    private static ServedClient servedClient(ResultSet rs) throws SQLException {
        return new ServedClient(rs.getObject("centre_id", UUID.class), rs.getObject("client_id", UUID.class),
                rs.getTimestamp("allowed_at").toInstant());
    }
}
