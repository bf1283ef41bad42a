package org.openbpo.payables;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
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
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A client whose accounts payable the provider runs: an accounts-payable service line on the
 * "ap-invoice" work type under an active contract, a queue, two provider clerks (so one can
 * approve what the other asked), a client approver, a client administrator and a requester.
 */
final class PayablesFixture {

    record Setup(Client client, User clerk, User secondClerk, User approver, User clientAdmin, User requester,
                 String clerkToken, String secondClerkToken, String approverToken, String clientAdminToken,
                 String requesterToken) {

        String path() {
            return "/api/v1/clients/" + client.id() + "/payables";
        }
    }

    private PayablesFixture() {
    }

    static Setup client(ApplicationContext context, Function<String, String> unique, CurrentUser admin, String country,
                        String zone, String currency) {
        Clients clients = context.getBean(Clients.class);
        Users users = context.getBean(Users.class);
        ApiTokens tokens = context.getBean(ApiTokens.class);
        return TenantScope.call(AllowedClients.ALL, () -> {
            String code = unique.apply("AP");
            Client client = clients.register(new RegisterClient(code, "Payables Co " + code, "Payables Co Ltd", country, zone,
                    currency, ClientStatus.ACTIVE));
            context.getBean(WorkTypes.class).define(client.id(), PayablesWorkType.definition());
            context.getBean(Contracts.class).draft(client.id(), new DraftContract("MSA-" + code, "Accounts payable", currency,
                    LocalDate.of(2026, 1, 1), null, CalendarSpec.mondayToFriday(zone, "09:00-17:00", List.of()),
                    List.of(new ServiceLine("accounts-payable", "Accounts payable", ServiceLineKind.ACCOUNTS_PAYABLE, PayablesWorkType.CODE)),
                    List.of(new SlaTarget("accounts-payable", Priority.NORMAL, null, 960, null, null, null)), List.of()));
            context.getBean(Queues.class).open(client.id(), new OpenQueue("ap-" + code.toLowerCase().replaceAll("[^a-z0-9]", ""),
                    "Accounts payable", "accounts-payable", null, null, null));
            User clerk = staff(users, admin, client, unique.apply("clerk"));
            User second = staff(users, admin, client, unique.apply("clerk2"));
            User approver = clientUser(users, admin, client, unique.apply("approver"), Role.APPROVER);
            User clientAdmin = clientUser(users, admin, client, unique.apply("cfo"), Role.CLIENT_ADMINISTRATOR);
            User requester = clientUser(users, admin, client, unique.apply("req"), Role.REQUESTER);
            return new Setup(client, clerk, second, approver, clientAdmin, requester, token(tokens, clerk), token(tokens, second),
                    token(tokens, approver), token(tokens, clientAdmin), token(tokens, requester));
        });
    }

    private static User staff(Users users, CurrentUser admin, Client client, String name) {
        return users.invite(new InviteUser(null, name.toLowerCase() + "@provider.test", "Clerk " + name, "long enough password",
                Set.of(Role.AGENT), false, Set.of(client.id())), admin);
    }

    private static User clientUser(Users users, CurrentUser admin, Client client, String name, Role role) {
        return users.invite(new InviteUser(client.id(), name.toLowerCase() + "@client.test", "Client " + name,
                "long enough password", Set.of(role), false, null), admin);
    }

    /** An API token for the provider's staff member, such as the administrator the fixture was built by. */
    static String token(ApplicationContext context, CurrentUser user) {
        return TenantScope.call(AllowedClients.ALL, () -> context.getBean(ApiTokens.class).issue(user, "test", null, Duration.ofDays(30)).secret());
    }

    private static String token(ApiTokens tokens, User user) {
        return tokens.issue(CurrentUser.of(user), "test", null, Duration.ofDays(30)).secret();
    }
}
