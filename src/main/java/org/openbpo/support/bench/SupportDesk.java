package org.openbpo.support.bench;

import org.openbpo.contracts.CalendarSpec;
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
import org.openbpo.support.ConfigureChannel;
import org.openbpo.support.SupportChannels;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.ProviderBootstrap;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/** A client under contract for customer support with its channel set up, made through the facades as an administrator would. */
@Component
class SupportDesk {

    record Desk(Client client, String address, String token) {
    }

    private final ProviderBootstrap bootstrap;
    private final Clients clients;
    private final Contracts contracts;
    private final WorkTypes workTypes;
    private final Queues queues;
    private final SupportChannels channels;
    private final ApiTokens tokens;
    private final Clock clock;

    SupportDesk(ProviderBootstrap bootstrap, Clients clients, Contracts contracts, WorkTypes workTypes, Queues queues,
                SupportChannels channels, ApiTokens tokens, Clock clock) {
        this.bootstrap = bootstrap;
        this.clients = clients;
        this.contracts = contracts;
        this.workTypes = workTypes;
        this.queues = queues;
        this.channels = channels;
        this.tokens = tokens;
        this.clock = clock;
    }

    Desk open(String code) {
        return TenantScope.call(AllowedClients.ALL, () -> {
            CurrentUser admin = bootstrap.firstAdministrator(code.toLowerCase() + "-admin@openbpo.example", "Benchmark Administrator",
                    "benchmark administrator password");
            Client client = clients.register(new RegisterClient(code, "Client " + code, code + " Ltd", "GB", "Europe/London", "GBP",
                    ClientStatus.ACTIVE));
            workTypes.adoptTemplate(client.id(), "support-ticket");
            LocalDate today = LocalDate.now(clock);
            contracts.draft(client.id(), new DraftContract("MSA-" + code, "Customer support", "GBP", today.minusMonths(1), null,
                    CalendarSpec.mondayToFriday("Europe/London", "08:00-20:00", List.of()),
                    List.of(new ServiceLine("support", "Customer support", ServiceLineKind.CUSTOMER_SUPPORT, "support-ticket")),
                    List.of(new SlaTarget("support", Priority.NORMAL, 120, 960, null, null, new BigDecimal("0.75"))),
                    List.of(new KpiTarget("support", Kpi.SLA_ATTAINMENT, new BigDecimal("95")))));
            queues.open(client.id(), new OpenQueue("support-en", "Support", "support", null, null, "en"));
            String address = "help@" + code.toLowerCase() + ".example";
            channels.configure(client.id(), new ConfigureChannel("support", address, null, null, address, "Client " + code + " Support",
                    "", null, true), admin);
            String token = tokens.issue(admin, "bench", client.id(), Duration.ofDays(1)).secret();
            return new Desk(client, address, token);
        });
    }
}
