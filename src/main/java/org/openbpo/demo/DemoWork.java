package org.openbpo.demo;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Users;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo clients' contracts and their work: Lakeshore's customer support and IT service desk,
 * Albion's policy administration (maker-checker) and policyholder support, Kaveri's data entry
 * with a two-day turnaround, and a realistic mix of requests in every state.
 */
@Component
class DemoWork {

    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final Queues queues;
    private final WorkItems workItems;
    private final Users users;
    private final Clock clock;

    DemoWork(Contracts contracts, WorkTypes workTypes, Queues queues, WorkItems workItems, Users users, Clock clock) {
        this.contracts = contracts;
        this.workTypes = workTypes;
        this.queues = queues;
        this.workItems = workItems;
        this.users = users;
        this.clock = clock;
    }

    void load(DemoData.DemoClients clients, CurrentUser admin) {
        // the contracts' terms run today, whenever the demo is loaded: new work is accepted only within a term
        int year = LocalDate.now(clock).getYear();
        lakeshore(clients.lakeshore().id(), year);
        albion(clients.albion().id(), year - 1);
        kaveri(clients.kaveri().id(), year - 1);
        CurrentUser tom = clientUser(clients.lakeshore().id(), "requester@lakeshore.example", admin);
        CurrentUser james = clientUser(clients.albion().id(), "approver@albion.example", admin);
        CurrentUser arjun = clientUser(clients.kaveri().id(), "requester@kaveri.example", admin);
        UUID lakeshore = clients.lakeshore().id();
        raise(lakeshore, tom, "customer-support", Priority.HIGH, "Order 88213 arrived damaged",
                Map.of("customerEmail", "j.ortiz@example.com", "description", "The TV screen is cracked; customer wants a replacement.", "category", "delivery"));
        raise(lakeshore, tom, "customer-support", Priority.NORMAL, "Refund not received for return RMA-4471",
                Map.of("customerEmail", "amy.chen@example.com", "description", "Returned on the 3rd, no refund yet.", "category", "refund"));
        raise(lakeshore, tom, "customer-support", Priority.LOW, "Change delivery address on order 88302",
                Map.of("description", "Customer moved; new address in the attached note.", "category", "order"));
        raise(lakeshore, tom, "it-service-desk", Priority.URGENT, "Store 112 POS terminals offline",
                Map.of("affectedUser", "Store 112 manager", "system", "Point of sale", "impact", "site", "description", "All four tills show 'no host'."));
        raise(lakeshore, tom, "it-service-desk", Priority.NORMAL, "Password reset for warehouse scanner login",
                Map.of("affectedUser", "D. Brooks", "system", "WMS handhelds", "impact", "single user", "description", "Locked out after shift change."));
        UUID albion = clients.albion().id();
        WorkItem address = raise(albion, james, "policy-admin", Priority.NORMAL, "Address change, policy HM-204417",
                Map.of("requestType", "address change", "reference", "HM-204417", "details", "Policyholder moved to 4 Quay Street, Bristol."));
        raise(albion, james, "policy-admin", Priority.HIGH, "Bank detail change for claim payout CL-99812",
                Map.of("requestType", "bank detail change", "reference", "CL-99812", "details", "Verified by phone call-back on the registered number."));
        raise(albion, james, "policy-support", Priority.NORMAL, "Policyholder asks about windscreen cover",
                Map.of("customerEmail", "r.patel@example.co.uk", "description", "Does comprehensive cover include windscreen repair?", "category", "account"));
        UUID kaveri = clients.kaveri().id();
        raise(kaveri, arjun, "data-entry", Priority.NORMAL, "October expense claims batch 14",
                Map.of("documents", 212, "sourceFormat", "PDF"));
        raise(kaveri, arjun, "data-entry", Priority.NORMAL, "Vendor onboarding forms batch 3",
                Map.of("documents", 48, "sourceFormat", "paper scan"));
        // One request already under way and waiting on the client, so the portal shows a paused clock.
        workItems.move(albion, address.id(), new MoveWorkItem("processing", null), admin);
        workItems.move(albion, address.id(), new MoveWorkItem("query_to_client",
                "Please confirm the move date so the premium can be recalculated."), admin);
    }

    private void lakeshore(UUID client, int year) {
        workTypes.adoptTemplate(client, "support-ticket");
        workTypes.adoptTemplate(client, "it-incident");
        contracts.draft(client, new DraftContract("LR-MSA-" + year, "Customer care and IT service desk", "USD",
                LocalDate.of(year, 1, 1), LocalDate.of(year + 2, 12, 31),
                new CalendarSpec("America/Chicago", week("07:00-21:00", "07:00-21:00", "09:00-17:00"),
                        List.of(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25)), Map.of()),
                List.of(new ServiceLine("customer-support", "Customer support", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket"),
                        new ServiceLine("it-service-desk", "Store IT service desk", ServiceLineKind.IT_SERVICE_DESK, "it-incident")),
                List.of(sla("customer-support", Priority.URGENT, 15, 240), sla("customer-support", Priority.HIGH, 30, 480),
                        sla("customer-support", Priority.NORMAL, 60, 960), sla("customer-support", Priority.LOW, 240, 2400),
                        sla("it-service-desk", Priority.URGENT, 15, 120), sla("it-service-desk", Priority.HIGH, 30, 480),
                        sla("it-service-desk", Priority.NORMAL, 120, 1440), sla("it-service-desk", Priority.LOW, 480, 4800)),
                List.of(new KpiTarget("customer-support", Kpi.SLA_ATTAINMENT, new BigDecimal("95")),
                        new KpiTarget("customer-support", Kpi.CSAT, new BigDecimal("4.3")),
                        new KpiTarget("customer-support", Kpi.FIRST_CONTACT_RESOLUTION, new BigDecimal("70")),
                        new KpiTarget("it-service-desk", Kpi.SLA_ATTAINMENT, new BigDecimal("90")))));
        queues.open(client, new OpenQueue("support-en", "Customer support (English)", "customer-support", "customer-support", 2, "en"));
        queues.open(client, new OpenQueue("it-desk", "Store IT service desk", "it-service-desk", "tech-support", 3, null));
    }

    private void albion(UUID client, int since) {
        workTypes.adoptTemplate(client, "back-office-request");
        workTypes.adoptTemplate(client, "support-ticket");
        contracts.draft(client, new DraftContract("AM-BPO-" + since, "Policy administration and policyholder support", "GBP",
                LocalDate.of(since, 4, 1), LocalDate.of(since + 3, 3, 31),
                CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30",
                        List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1))),
                List.of(new ServiceLine("policy-admin", "Policy administration", ServiceLineKind.BACK_OFFICE, "back-office-request"),
                        new ServiceLine("policy-support", "Policyholder support", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket")),
                List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, null, 2, LocalTime.of(15, 0), null),
                        new SlaTarget("policy-admin", Priority.HIGH, null, 240, null, null, null),
                        sla("policy-support", Priority.NORMAL, 120, 960), sla("policy-support", Priority.HIGH, 30, 480)),
                List.of(new KpiTarget("policy-admin", Kpi.ACCURACY, new BigDecimal("99.5")),
                        new KpiTarget("policy-admin", Kpi.CUT_OFF_ADHERENCE, new BigDecimal("98")),
                        new KpiTarget("policy-support", Kpi.SLA_ATTAINMENT, new BigDecimal("92")))));
        queues.open(client, new OpenQueue("policy-changes", "Policy changes", "policy-admin", null, null, null));
        queues.open(client, new OpenQueue("policy-support", "Policyholder support", "policy-support", "customer-support", 2, "en"));
    }

    private void kaveri(UUID client, int since) {
        workTypes.adoptTemplate(client, "data-entry-batch");
        contracts.draft(client, new DraftContract("KS-DE-" + since, "Document data entry", "INR",
                LocalDate.of(since, 7, 1), null,
                new CalendarSpec("Asia/Kolkata", Map.of(DayOfWeek.MONDAY, "09:30-18:30", DayOfWeek.TUESDAY, "09:30-18:30",
                        DayOfWeek.WEDNESDAY, "09:30-18:30", DayOfWeek.THURSDAY, "09:30-18:30", DayOfWeek.FRIDAY, "09:30-18:30",
                        DayOfWeek.SATURDAY, "09:30-13:30"), List.of(LocalDate.of(2026, 11, 8)), Map.of()),
                List.of(new ServiceLine("data-entry", "Expense and vendor form keying", ServiceLineKind.DATA_ENTRY, "data-entry-batch")),
                List.of(new SlaTarget("data-entry", Priority.NORMAL, null, null, 2, LocalTime.of(14, 0), null),
                        new SlaTarget("data-entry", Priority.HIGH, null, null, 1, LocalTime.of(12, 0), null)),
                List.of(new KpiTarget("data-entry", Kpi.ACCURACY, new BigDecimal("99.8")))));
        queues.open(client, new OpenQueue("keying", "Keying", "data-entry", "data-entry", 3, null));
    }

    private WorkItem raise(UUID client, CurrentUser by, String line, Priority priority, String title, Map<String, Object> form) {
        return workItems.create(client, new CreateWorkItem(line, null, priority, title, Map.copyOf(form), "PORTAL"), by);
    }

    private CurrentUser clientUser(UUID client, String email, CurrentUser admin) {
        return DemoUsers.find(users, client, email, admin);
    }

    private static SlaTarget sla(String line, Priority priority, int firstResponseMinutes, int resolutionMinutes) {
        return new SlaTarget(line, priority, firstResponseMinutes, resolutionMinutes, null, null, null);
    }

    private static Map<DayOfWeek, String> week(String weekdays, String saturday, String sunday) {
        return Map.of(DayOfWeek.MONDAY, weekdays, DayOfWeek.TUESDAY, weekdays, DayOfWeek.WEDNESDAY, weekdays,
                DayOfWeek.THURSDAY, weekdays, DayOfWeek.FRIDAY, weekdays, DayOfWeek.SATURDAY, saturday, DayOfWeek.SUNDAY, sunday);
    }
}
