package org.openbpo.work;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
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
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A client under contract, ready for work: a UK insurer on Monday–Friday 09:00–17:30 London time,
 * a back-office service line (maker-checker) with an 8-business-hour resolution target and a
 * support line, a queue each, and a 24x7 offshore centre with two certified, available agents.
 */
public final class WorkFixture {

    public record Setup(Client client, Contract contract, Queue backOfficeQueue, Queue supportQueue, DeliveryCentre centre,
                 User maker, User checker, User requester, String makerToken, String checkerToken,
                 String requesterToken, String adminToken) {
    }

    private final Clients clients;
    private final Users users;
    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final Queues queues;
    private final DeliveryCentres centres;
    private final Agents agents;
    private final ApiTokens tokens;

    public WorkFixture(ApplicationContext context) {
        this.clients = context.getBean(Clients.class);
        this.users = context.getBean(Users.class);
        this.contracts = context.getBean(Contracts.class);
        this.workTypes = context.getBean(WorkTypes.class);
        this.queues = context.getBean(Queues.class);
        this.centres = context.getBean(DeliveryCentres.class);
        this.agents = context.getBean(Agents.class);
        this.tokens = context.getBean(ApiTokens.class);
    }

    public Setup clientUnderContract(CurrentUser admin, String code) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            Client client = clients.register(new RegisterClient(code, "Albion Mutual " + code, "Albion Mutual Insurance plc",
                    "GB", "Europe/London", "GBP", ClientStatus.ACTIVE));
            workTypes.adoptTemplate(client.id(), "back-office-request");
            workTypes.adoptTemplate(client.id(), "support-ticket");
            Contract contract = contracts.draft(client.id(), new DraftContract("MSA-" + code, "Policy administration",
                    "GBP", LocalDate.of(2026, 1, 1), null,
                    CalendarSpec.mondayToFriday("Europe/London", "09:00-17:30", List.of(LocalDate.of(2026, 4, 3))),
                    List.of(new ServiceLine("policy-admin", "Policy administration", ServiceLineKind.BACK_OFFICE, "back-office-request"),
                            new ServiceLine("support", "Policyholder support", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket")),
                    List.of(new SlaTarget("policy-admin", Priority.NORMAL, null, 480, null, null, new BigDecimal("0.75")),
                            new SlaTarget("policy-admin", Priority.HIGH, null, 240, null, null, null),
                            new SlaTarget("support", Priority.NORMAL, 60, 960, null, null, null)),
                    List.of(new KpiTarget("policy-admin", Kpi.SLA_ATTAINMENT, new BigDecimal("95")))));
            Queue backOffice = queues.open(client.id(), new OpenQueue("policy-changes", "Policy changes", "policy-admin",
                    "back-office", 2, null));
            Queue support = queues.open(client.id(), new OpenQueue("support-en", "Support (English)", "support",
                    null, null, "en"));
            String compact = code.replace("-", "");
            // the unique end of the code (its sequence number), so long prefixes cannot collide
            DeliveryCentre centre = centres.open(new OpenDeliveryCentre(compact.substring(Math.max(0, compact.length() - 12)) + "C",
                    "Manila " + code, Shore.OFFSHORE, "PH", "Asia/Manila", 65_000, "PHP", everyDay(), List.of()), admin);
            centres.allowClient(centre.id(), client.id(), admin);
            User maker = agent(admin, centre, client, "maker");
            User checker = agent(admin, centre, client, "checker");
            User requester = users.invite(new InviteUser(client.id(), IntegrationTestNames.email("requester"), "Rachel Requester",
                    "long enough password", Set.of(Role.REQUESTER), false, null), admin);
            return new Setup(client, contract, backOffice, support, centre, maker, checker, requester,
                    token(CurrentUser.of(maker)), token(CurrentUser.of(checker)), token(CurrentUser.of(requester)), token(admin));
        });
    }

    private User agent(CurrentUser admin, DeliveryCentre centre, Client client, String name) {
        User user = users.invite(new InviteUser(null, IntegrationTestNames.email(name), "Agent " + name, "long enough password",
                Set.of(Role.AGENT), false, Set.of(client.id())), admin);
        agents.enrol(new EnrolAgent(user.id(), centre.id(), null, 5, List.of(new Skill("back-office", 3)), List.of("en")), admin);
        agents.certify(user.id(), new CertifyAgent(client.id()), admin);
        agents.changePresence(user.id(), new ChangePresence(Presence.AVAILABLE), admin);
        return user;
    }

    private String token(CurrentUser user) {
        return tokens.issue(user, "tests", null, Duration.ofDays(365)).secret();
    }

    private static List<ShiftInterval> everyDay() {
        return Arrays.stream(DayOfWeek.values()).map(day -> new ShiftInterval(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList();
    }
}
