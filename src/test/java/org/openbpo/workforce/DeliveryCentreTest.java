package org.openbpo.workforce;

import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Role;
import org.openbpo.testing.Api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCentreTest extends WorkforceTest {

    @Test
    void anOperationsManagerOpensACentreWithItsShiftCalendar() {
        Api api = api().as(staff(Role.OPERATIONS_MANAGER, Set.of()).token());
        Map<String, Object> body = centreBody();
        Api.Response opened = api.post("/api/v1/centres", body);
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        assertThat(opened.body().path("costPerAgentHour").path("amountMinor").asLong()).isEqualTo(1450);
        assertThat(opened.body().path("costPerAgentHour").path("currency").asString()).isEqualTo("USD");
        assertThat(opened.body().path("shiftCalendar").path("weeklyShifts").size()).isEqualTo(2);
        // Stored sorted by weekday and time, whatever order they were sent in.
        assertThat(opened.body().path("shiftCalendar").path("weeklyShifts").get(0).path("opens").asString()).startsWith("08:00");

        Api.Response read = api.get("/api/v1/centres/" + opened.text("id"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("shiftCalendar").path("holidays").get(0).asString()).isEqualTo("2026-12-25");
        assertThat(read.text("timeZone")).isEqualTo("Asia/Manila");

        Api.Response again = api.post("/api/v1/centres", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("field")).isEqualTo("code");
    }

    @Test
    void invalidCentresAreRefusedNamingTheField() {
        Api api = api().as(staff(Role.ADMINISTRATOR, Set.of()).token());
        assertRefused(api, Map.of("timeZone", "Mars/Olympus_Mons"), "timeZone");
        assertRefused(api, Map.of("timeZone", "+08:00"), "timeZone");
        assertRefused(api, Map.of("country", "XX"), "country");
        assertRefused(api, Map.of("costCurrency", "ZZZ"), "costCurrency");
        assertRefused(api, Map.of("costPerAgentHourMinor", -1), "costPerAgentHourMinor");
        assertRefused(api, Map.of("code", "lower case"), "code");
        assertRefused(api, Map.of("weeklyShifts", List.of(shift("MONDAY", "08:00", "12:00"), shift("MONDAY", "13:00", "12:30"))),
                "weeklyShifts[1].closes");
        assertRefused(api, Map.of("weeklyShifts", List.of(shift("MONDAY", "13:00", "17:00"), shift("TUESDAY", "08:00", "17:00"),
                shift("MONDAY", "08:00", "13:30"))), "weeklyShifts[0]");
        assertRefused(api, Map.of("weeklyShifts", List.of(shift("FRIDAY", "20:00", "00:00"), shift("FRIDAY", "22:00", "23:00"))),
                "weeklyShifts[1]");
        Map<String, Object> noWeekday = new HashMap<>(shift("MONDAY", "08:00", "12:00"));
        noWeekday.remove("weekday");
        assertRefused(api, Map.of("weeklyShifts", List.of(noWeekday)), "weeklyShifts[0].weekday");
    }

    @Test
    void onlyAdministratorsAndOperationsManagersChangeCentres() {
        Staff agent = staff(Role.AGENT, Set.of());
        Api.Response refused = api().as(agent.token()).post("/api/v1/centres", centreBody());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("forbidden");

        DeliveryCentre centre = centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Api.Response update = api().as(agent.token()).put("/api/v1/centres/" + centre.id(), centreBody());
        assertThat(update.status()).isEqualTo(403);
        // Reading is fine for staff; a client's users never see the provider's sites.
        assertThat(api().as(agent.token()).get("/api/v1/centres/" + centre.id()).status()).isEqualTo(200);
        Client client = client("CEN");
        assertThat(api().as(clientUser(client, Role.CLIENT_ADMINISTRATOR).token()).get("/api/v1/centres").status())
                .isEqualTo(403);
    }

    @Test
    void aCentreIsOffShiftOnHolidaysAndOutsideItsHours() {
        // Manila is UTC+8 all year. 2026-03-02 is a Monday; the Wednesday is a holiday.
        DeliveryCentre manila = centre(centreCommand("Asia/Manila", officeHours(), List.of(LocalDate.of(2026, 3, 4))));
        assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-02T02:00:00Z"))).as("Mon 10:00").isTrue();
        assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-01T23:59:00Z"))).as("Mon 07:59").isFalse();
        assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-02T09:00:00Z"))).as("Mon 17:00, closed").isFalse();
        assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-04T02:00:00Z"))).as("Wed holiday 10:00").isFalse();
        assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-05T02:00:00Z"))).as("Thu 10:00").isTrue();
        assertThat(centres.isOnShift(manila.id(), Instant.parse("2026-03-07T02:00:00Z"))).as("Sat 10:00").isFalse();
    }

    @Test
    void aNightShiftRunsAcrossMidnightAndStopsForAHoliday() {
        // Austin keeps daylight saving: 2026-03-08 moves Chicago from UTC-6 to UTC-5.
        List<ShiftInterval> nights = List.of(
                new ShiftInterval(DayOfWeek.SATURDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT),
                new ShiftInterval(DayOfWeek.SUNDAY, LocalTime.of(0, 0), LocalTime.of(6, 0)),
                new ShiftInterval(DayOfWeek.SUNDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT),
                new ShiftInterval(DayOfWeek.MONDAY, LocalTime.of(0, 0), LocalTime.of(6, 0)));
        DeliveryCentre austin = centre(centreCommand("America/Chicago", nights, List.of(LocalDate.of(2026, 3, 16))));
        assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-08T05:30:00Z"))).as("Sun 23:30 CST→ Sat night").isTrue();
        assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-09T10:30:00Z"))).as("Mon 05:30 CDT").isTrue();
        assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-09T11:30:00Z"))).as("Mon 06:30 CDT").isFalse();
        assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-16T04:00:00Z"))).as("Sun 23:00 before the holiday").isTrue();
        assertThat(centres.isOnShift(austin.id(), Instant.parse("2026-03-16T06:00:00Z"))).as("Mon 01:00, holiday").isFalse();
    }

    @Test
    void residencySaysWhichClientsACentreMayServe() {
        Client lakeshore = client("RES");
        Api api = api().as(staff(Role.OPERATIONS_MANAGER, Set.of()).token());
        DeliveryCentre centre = centre(centreCommand("America/Mexico_City", officeHours(), List.of()));
        String path = "/api/v1/centres/" + centre.id() + "/clients";

        Api.Response allowed = api.post(path, Map.of("clientId", lakeshore.id().toString()));
        assertThat(allowed.status()).as(allowed.body().toString()).isEqualTo(201);
        assertThat(api.post(path, Map.of("clientId", lakeshore.id().toString())).status()).as("repeat").isEqualTo(201);
        assertThat(api.get(path).body().path("items").valueStream().map(item -> item.path("clientId").asString()))
                .containsExactly(lakeshore.id().toString());

        assertThat(api.delete(path + "/" + lakeshore.id()).status()).isEqualTo(204);
        assertThat(api.get(path).body().path("items").size()).isZero();
        assertThat(api.delete(path + "/" + lakeshore.id()).status()).isEqualTo(404);
    }

    @Test
    void centresAreListedPageByPage() {
        centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        centre(centreCommand("Asia/Manila", officeHours(), List.of()));
        Api api = api().as(staff(Role.TEAM_LEAD, Set.of()).token());
        Api.Response first = api.get("/api/v1/centres?limit=1");
        assertThat(first.body().path("items").size()).isEqualTo(1);
        Api.Response second = api.get("/api/v1/centres?limit=1&cursor=" + first.text("nextCursor"));
        assertThat(second.body().path("items").get(0).path("code").asString())
                .isGreaterThan(first.body().path("items").get(0).path("code").asString());
    }

    private void assertRefused(Api api, Map<String, Object> change, String field) {
        Map<String, Object> body = centreBody();
        body.putAll(change);
        Api.Response response = api.post("/api/v1/centres", body);
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(422);
        assertThat(response.text("field")).as(response.body().toString()).isEqualTo(field);
        assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo(field);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
    }

    private static Map<String, Object> centreBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("code", unique("MNL").toUpperCase());
        body.put("name", "Manila Ortigas");
        body.put("shore", "OFFSHORE");
        body.put("country", "PH");
        body.put("timeZone", "Asia/Manila");
        body.put("costPerAgentHourMinor", 1450);
        body.put("costCurrency", "USD");
        body.put("weeklyShifts", List.of(shift("TUESDAY", "08:00", "17:00"), shift("MONDAY", "08:00", "17:00")));
        body.put("holidays", List.of("2026-12-25"));
        return body;
    }

    private static Map<String, Object> shift(String weekday, String opens, String closes) {
        return Map.of("weekday", weekday, "opens", opens, "closes", closes);
    }
}
