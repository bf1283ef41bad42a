package org.openbpo.demo;

import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.CertifyAgent;
import org.openbpo.workforce.ChangePresence;
import org.openbpo.workforce.DeliveryCentre;
import org.openbpo.workforce.DeliveryCentres;
import org.openbpo.workforce.EnrolAgent;
import org.openbpo.workforce.OpenDeliveryCentre;
import org.openbpo.workforce.Presence;
import org.openbpo.workforce.ShiftInterval;
import org.openbpo.workforce.Shore;
import org.openbpo.workforce.Skill;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Northstar's three sites and the demo agents. Manila works around the clock so US and UK clients
 * are covered overnight; Mexico City covers the Americas' business day; Austin is the onshore site
 * with a lunch break. Kaveri's data stays out of Mexico City, so Diego is not certified for Kaveri
 * even though his login may see it.
 */
@Component
public class DemoWorkforce {

    private static final LocalTime MIDNIGHT = LocalTime.MIDNIGHT;

    private final DeliveryCentres centres;
    private final Agents agents;
    private final Users users;

    DemoWorkforce(DeliveryCentres centres, Agents agents, Users users) {
        this.centres = centres;
        this.agents = agents;
        this.users = users;
    }

    /** Runs inside the demo's transaction, in the provider scope. */
    public void load(DemoData.DemoClients clients, CurrentUser admin) {
        DeliveryCentre manila = centres.open(new OpenDeliveryCentre("MNL", "Manila, Ortigas Center", Shore.OFFSHORE, "PH",
                "Asia/Manila", 65_000, "PHP", everyDay(LocalTime.MIDNIGHT, MIDNIGHT),
                List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1))), admin);
        List<ShiftInterval> mexicoWeek = weekdays(LocalTime.of(7, 0), LocalTime.of(19, 0));
        mexicoWeek.add(new ShiftInterval(DayOfWeek.SATURDAY, LocalTime.of(8, 0), LocalTime.of(14, 0)));
        DeliveryCentre mexico = centres.open(new OpenDeliveryCentre("MEX", "Mexico City, Santa Fe", Shore.NEARSHORE, "MX",
                "America/Mexico_City", 18_500, "MXN", mexicoWeek,
                dates("2026-01-01", "2026-02-02", "2026-03-16", "2026-05-01", "2026-09-16", "2026-11-16", "2026-12-25")), admin);
        List<ShiftInterval> austinWeek = weekdays(LocalTime.of(8, 0), LocalTime.of(12, 0));
        austinWeek.addAll(weekdays(LocalTime.of(13, 0), LocalTime.of(17, 0)));
        DeliveryCentre austin = centres.open(new OpenDeliveryCentre("AUS", "Austin, The Domain", Shore.ONSHORE, "US",
                "America/Chicago", 3_200, "USD", austinWeek,
                dates("2026-01-01", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25")), admin);

        allow(manila, admin, clients.lakeshore().id(), clients.albion().id(), clients.kaveri().id());
        allow(mexico, admin, clients.lakeshore().id(), clients.albion().id());
        allow(austin, admin, clients.lakeshore().id(), clients.albion().id());

        Map<String, UUID> staff = staffByEmail(admin);
        UUID lead = staff.get("lead.manila@openbpo.example");
        UUID maria = staff.get("agent.maria@openbpo.example");
        UUID diego = staff.get("agent.diego@openbpo.example");
        agents.enrol(new EnrolAgent(lead, manila.id(), null, 3,
                List.of(new Skill("customer-support", 5), new Skill("chat", 5), new Skill("quality-coaching", 4)),
                List.of("en", "tl")), admin);
        agents.enrol(new EnrolAgent(maria, manila.id(), lead, 4,
                List.of(new Skill("customer-support", 4), new Skill("chat", 4), new Skill("accounts-payable", 3)),
                List.of("en", "tl")), admin);
        agents.enrol(new EnrolAgent(diego, mexico.id(), null, 3,
                List.of(new Skill("tech-support", 4), new Skill("data-entry", 4), new Skill("customer-support", 3)),
                List.of("es", "en")), admin);
        certify(lead, admin, clients.lakeshore().id(), clients.albion().id());
        certify(maria, admin, clients.lakeshore().id(), clients.albion().id());
        certify(diego, admin, clients.lakeshore().id());
        agents.changePresence(maria, new ChangePresence(Presence.AVAILABLE), admin);
    }

    private void allow(DeliveryCentre centre, CurrentUser admin, UUID... clients) {
        for (UUID client : clients) {
            centres.allowClient(centre.id(), client, admin);
        }
    }

    private void certify(UUID agent, CurrentUser admin, UUID... clients) {
        for (UUID client : clients) {
            agents.certify(agent, new CertifyAgent(client), admin);
        }
    }

    private Map<String, UUID> staffByEmail(CurrentUser admin) {
        Map<String, UUID> byEmail = new HashMap<>();
        UUID after = null;
        List<User> page;
        do {
            page = users.page(null, after, 200, admin);
            page.forEach(user -> byEmail.put(user.email(), user.id()));
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == 200);
        return byEmail;
    }

    private static List<ShiftInterval> everyDay(LocalTime opens, LocalTime closes) {
        List<ShiftInterval> week = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.add(new ShiftInterval(day, opens, closes));
        }
        return week;
    }

    private static List<ShiftInterval> weekdays(LocalTime opens, LocalTime closes) {
        List<ShiftInterval> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.add(new ShiftInterval(day, opens, closes));
        }
        return week;
    }

    private static List<LocalDate> dates(String... days) {
        return java.util.Arrays.stream(days).map(LocalDate::parse).toList();
    }
}
