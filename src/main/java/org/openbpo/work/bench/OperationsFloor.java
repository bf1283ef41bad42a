package org.openbpo.work.bench;

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
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.ProviderBootstrap;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The set-up every work benchmark starts from, made through the modules' facades as an
 * administrator would: clients under contract for customer support (support-ticket work type,
 * SLA targets on a weekday calendar), their queues, one 24x7 offshore centre allowed to serve them
 * all, and enrolled, certified, AVAILABLE agents. Agent {@code i} is certified for
 * {@code clientsPerAgent} consecutive clients starting at client {@code i}, so the load spreads.
 */
@Component
class OperationsFloor {

    static final String SERVICE_LINE = "support";
    static final String WORK_TYPE = "support-ticket";

    record Floor(CurrentUser admin, List<ClientUnderContract> clients, List<CurrentUser> agents) {

        List<Queue> queues() {
            return clients.stream().flatMap(c -> c.queues().stream()).toList();
        }
    }

    record ClientUnderContract(Client client, Contract contract, List<Queue> queues) {
    }

    private final ProviderBootstrap bootstrap;
    private final Clients clients;
    private final Users users;
    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final Queues queues;
    private final DeliveryCentres centres;
    private final Agents agents;
    private final Clock clock;

    OperationsFloor(ProviderBootstrap bootstrap, Clients clients, Users users, Contracts contracts, WorkTypes workTypes,
                    Queues queues, DeliveryCentres centres, Agents agents, Clock clock) {
        this.bootstrap = bootstrap;
        this.clients = clients;
        this.users = users;
        this.contracts = contracts;
        this.workTypes = workTypes;
        this.queues = queues;
        this.centres = centres;
        this.agents = agents;
        this.clock = clock;
    }

    /** Opens the floor; {@code prefix} keeps codes and emails apart when a benchmark opens two. */
    Floor open(String prefix, int clientCount, int queuesPerClient, int agentCount, int clientsPerAgent) throws Exception {
        CurrentUser admin = TenantScope.call(AllowedClients.ALL, () -> bootstrap.firstAdministrator(
                "bench-admin@openbpo.example", "Benchmark Administrator", "benchmark administrator password"));
        DeliveryCentre centre = TenantScope.call(AllowedClients.ALL, () -> centres.open(new OpenDeliveryCentre(
                prefix + "-MNL", "Manila " + prefix, Shore.OFFSHORE, "PH", "Asia/Manila", 65_000, "PHP", aroundTheClock(),
                List.of()), admin));
        List<ClientUnderContract> contracted = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            contracted.add(clientUnderContract(admin, centre, prefix + "-C" + c, queuesPerClient));
        }
        // Inviting hashes a password (bcrypt), the slow part of enrolment: spread it over a few threads.
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<CurrentUser>> enrolled = new ArrayList<>();
            for (int a = 0; a < agentCount; a++) {
                Set<UUID> serves = new LinkedHashSet<>();
                for (int k = 0; k < Math.min(clientsPerAgent, clientCount); k++) {
                    serves.add(contracted.get((a + k) % clientCount).client().id());
                }
                String email = prefix.toLowerCase() + "-agent" + a + "@openbpo.example";
                enrolled.add(pool.submit(() -> TenantScope.call(AllowedClients.ALL, () -> agent(admin, centre, email, serves))));
            }
            List<CurrentUser> ready = new ArrayList<>();
            for (Future<CurrentUser> agent : enrolled) {
                ready.add(agent.get());
            }
            return new Floor(admin, contracted, ready);
        }
    }

    private ClientUnderContract clientUnderContract(CurrentUser admin, DeliveryCentre centre, String code, int queueCount) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            Client client = clients.register(new RegisterClient(code, "Client " + code, code + " Ltd", "GB", "Europe/London",
                    "GBP", ClientStatus.ACTIVE));
            workTypes.adoptTemplate(client.id(), WORK_TYPE);
            LocalDate today = LocalDate.now(clock);
            Contract contract = contracts.draft(client.id(), new DraftContract("MSA-" + code, "Customer support",
                    "GBP", today.minusMonths(1), null,
                    CalendarSpec.mondayToFriday("Europe/London", "08:00-20:00", List.of(today.plusDays(30))),
                    List.of(new ServiceLine(SERVICE_LINE, "Customer support", ServiceLineKind.CUSTOMER_SUPPORT, WORK_TYPE)),
                    List.of(new SlaTarget(SERVICE_LINE, Priority.LOW, 480, 2_400, null, null, null),
                            new SlaTarget(SERVICE_LINE, Priority.NORMAL, 120, 960, null, null, new BigDecimal("0.75")),
                            new SlaTarget(SERVICE_LINE, Priority.HIGH, 60, 480, null, null, null),
                            new SlaTarget(SERVICE_LINE, Priority.URGENT, 15, 120, null, null, null)),
                    List.of(new KpiTarget(SERVICE_LINE, Kpi.SLA_ATTAINMENT, new BigDecimal("95")))));
            List<Queue> opened = new ArrayList<>();
            for (int q = 0; q < queueCount; q++) {
                opened.add(queues.open(client.id(), new OpenQueue("support-" + q, "Support tier " + q, SERVICE_LINE,
                        "customer-support", 1 + q % 3, "en")));
            }
            centres.allowClient(centre.id(), client.id(), admin);
            return new ClientUnderContract(client, contract, opened);
        });
    }

    private CurrentUser agent(CurrentUser admin, DeliveryCentre centre, String email, Set<UUID> serves) {
        User user = users.invite(new InviteUser(null, email, "Agent " + email, "benchmark agent password",
                Set.of(Role.AGENT), false, serves), admin);
        agents.enrol(new EnrolAgent(user.id(), centre.id(), null, 5, List.of(new Skill("customer-support", 4)),
                List.of("en")), admin);
        for (UUID client : serves) {
            agents.certify(user.id(), new CertifyAgent(client), admin);
        }
        agents.changePresence(user.id(), new ChangePresence(Presence.AVAILABLE), admin);
        return CurrentUser.of(user);
    }

    private static List<ShiftInterval> aroundTheClock() {
        return Arrays.stream(DayOfWeek.values()).map(day -> new ShiftInterval(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)).toList();
    }
}
