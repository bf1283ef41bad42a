package org.openbpo.demo;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.tenancy.ProviderBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Set;
import java.util.UUID;

/**
 * One realistic provider: Northstar BPO with sites in Manila, Mexico City and Austin, serving a
 * US retailer, a UK insurer and an Indian software firm. Shared by the demo and the scenario tests;
 * loaded once (a second start finds it and leaves it alone).
 */
@Component
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    public record DemoClients(Client lakeshore, Client albion, Client kaveri) {
    }

    private final Clients clients;
    private final Users users;
    private final ProviderBootstrap bootstrap;
    private final TransactionTemplate transactions;
    private final DemoWorkforce workforce;
    private final DemoWork work;
    private final DemoBooks books;
    private final DemoBilling billing;
    private final DemoQuality quality;
    private final DemoSupport support;
    private final DemoReceivables receivables;
    private final DemoPayables payables;
    private final DemoPayroll payroll;

    DemoData(Clients clients, Users users, ProviderBootstrap bootstrap, TransactionTemplate transactions,
             DemoWorkforce workforce, DemoWork work, DemoBooks books, DemoBilling billing, DemoQuality quality,
             DemoSupport support, DemoReceivables receivables, DemoPayables payables, DemoPayroll payroll) {
        this.payroll = payroll;
        this.support = support;
        this.receivables = receivables;
        this.payables = payables;
        this.work = work;
        this.books = books;
        this.billing = billing;
        this.quality = quality;
        this.workforce = workforce;
        this.clients = clients;
        this.users = users;
        this.bootstrap = bootstrap;
        this.transactions = transactions;
    }

    public boolean loaded() {
        return TenantScope.call(AllowedClients.ALL, () -> clients.byCode("LAKESHORE").isPresent());
    }

    public void loadOnce() {
        if (loaded()) {
            LOG.info("Demo data already present");
            return;
        }
        TenantScope.run(AllowedClients.ALL, () -> transactions.executeWithoutResult(tx -> load()));
        LOG.info("Demo data loaded");
    }

    private void load() {
        CurrentUser admin = bootstrap.firstAdministrator("admin@openbpo.example", "Ana Reyes", DemoLogins.PASSWORD);
        DemoClients demo = new DemoClients(
                client("LAKESHORE", "Lakeshore Retail", "Lakeshore Retail Inc.", "US", "America/Chicago", "USD"),
                client("ALBION", "Albion Mutual", "Albion Mutual Insurance plc", "GB", "Europe/London", "GBP"),
                client("KAVERI", "Kaveri Software", "Kaveri Software Private Limited", "IN", "Asia/Kolkata", "INR"));
        staff(admin, "ops@openbpo.example", "Oliver Grant", true, Set.of(), Role.OPERATIONS_MANAGER);
        staff(admin, "lead.manila@openbpo.example", "Jose Santos", false,
                Set.of(demo.lakeshore().id(), demo.albion().id()), Role.TEAM_LEAD);
        staff(admin, "agent.maria@openbpo.example", "Maria Dela Cruz", false,
                Set.of(demo.lakeshore().id(), demo.albion().id()), Role.AGENT);
        staff(admin, "agent.diego@openbpo.example", "Diego Hernández", false,
                Set.of(demo.lakeshore().id(), demo.kaveri().id()), Role.AGENT);
        staff(admin, "qa@openbpo.example", "Priya Nair", true, Set.of(), Role.QA_ANALYST);
        staff(admin, "billing@openbpo.example", "Hannah Becker", true, Set.of(), Role.BILLING_ANALYST);
        clientUser(admin, demo.lakeshore().id(), "it.admin@lakeshore.example", "Karen Miller", Role.CLIENT_ADMINISTRATOR, Role.APPROVER);
        clientUser(admin, demo.lakeshore().id(), "requester@lakeshore.example", "Tom Becker", Role.REQUESTER);
        clientUser(admin, demo.albion().id(), "approver@albion.example", "James Whitfield", Role.APPROVER, Role.REQUESTER);
        clientUser(admin, demo.albion().id(), "admin@albion.example", "Fiona Campbell", Role.CLIENT_ADMINISTRATOR);
        clientUser(admin, demo.kaveri().id(), "requester@kaveri.example", "Arjun Mehta", Role.REQUESTER);
        clientUser(admin, demo.kaveri().id(), "admin@kaveri.example", "Lakshmi Iyer", Role.CLIENT_ADMINISTRATOR, Role.APPROVER);
        workforce.load(demo, admin);
        work.load(demo, admin);
        support.load(demo, admin);
        quality.load(demo, admin);
        books.load(demo);
        billing.load(demo);
        receivables.load(demo, admin);
        payables.load(demo, admin);
        payroll.load(demo, admin);
    }

    private Client client(String code, String name, String legalEntity, String country, String zone, String currency) {
        return clients.register(new RegisterClient(code, name, legalEntity, country, zone, currency, ClientStatus.ACTIVE));
    }

    private void staff(CurrentUser admin, String email, String name, boolean allClients, Set<UUID> clients, Role... roles) {
        users.invite(new InviteUser(null, email, name, DemoLogins.PASSWORD, Set.of(roles), allClients, clients), admin);
    }

    private void clientUser(CurrentUser admin, UUID client, String email, String name, Role... roles) {
        users.invite(new InviteUser(client, email, name, DemoLogins.PASSWORD, Set.of(roles), false, null), admin);
    }
}
