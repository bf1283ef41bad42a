package org.openbpo.payroll;

import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
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
 * A client employer under a payroll contract (New York calendar, Good Friday 2026 a holiday), with the
 * pay-run work type, a payroll queue, pay groups in each country and the people of a pay run: two payroll
 * agents (preparer and checker), an operations manager, and the client's approver.
 */
final class PayrollSetup {

    record Setup(Client client, User preparer, User checker, User manager, User approver, String preparerToken,
                 String checkerToken, String managerToken, String approverToken) {
    }

    private PayrollSetup() {
    }

    static Setup client(ApplicationContext context, Function<String, String> unique, CurrentUser admin) {
        Clients clients = context.getBean(Clients.class);
        Users users = context.getBean(Users.class);
        ApiTokens tokens = context.getBean(ApiTokens.class);
        PayGroups groups = context.getBean(PayGroups.class);
        return TenantScope.call(AllowedClients.ALL, () -> {
            Client client = clients.register(new RegisterClient(unique.apply("PAY").toUpperCase(), "Lakeshore Retail",
                    "Lakeshore Retail Inc", "US", "America/New_York", "USD", ClientStatus.ACTIVE));
            context.getBean(WorkTypes.class).define(client.id(), PayRunWorkType.definition());
            context.getBean(Contracts.class).draft(client.id(), new DraftContract("PAY-" + client.code(), "Payroll services",
                    "USD", LocalDate.of(2025, 1, 1), null,
                    CalendarSpec.mondayToFriday("America/New_York", "09:00-17:00", List.of(LocalDate.of(2026, 4, 3))),
                    List.of(new ServiceLine("payroll", "Payroll", ServiceLineKind.PAYROLL, PayRunWorkType.CODE)),
                    List.of(), null));
            context.getBean(Queues.class).open(client.id(), new OpenQueue("payroll", "Payroll", "payroll", null, null, null));
            User preparer = staff(users, admin, client, unique.apply("prep"), Role.AGENT);
            User checker = staff(users, admin, client, unique.apply("check"), Role.AGENT);
            User manager = staff(users, admin, client, unique.apply("ops"), Role.OPERATIONS_MANAGER);
            User approver = users.invite(new InviteUser(client.id(), unique.apply("hr").toLowerCase() + "@client.test",
                    "Client approver", "long enough password", Set.of(Role.APPROVER, Role.CLIENT_ADMINISTRATOR), false, null), admin);
            CurrentUser ops = CurrentUser.of(manager);
            groups.define(client.id(), new DefinePayGroup("US-BW", "US biweekly", "US", "BIWEEKLY", "payroll",
                    LocalDate.of(2026, 1, 2), 5, 2), ops);
            groups.define(client.id(), new DefinePayGroup("UK-M", "UK monthly", "GB", "MONTHLY", "payroll",
                    LocalDate.of(2026, 1, 31), 0, 3), ops);
            groups.define(client.id(), new DefinePayGroup("IN-M", "India monthly", "IN", "MONTHLY", "payroll",
                    LocalDate.of(2026, 1, 31), 0, 3), ops);
            groups.define(client.id(), new DefinePayGroup("PH-SM", "Philippines semi-monthly", "PH", "SEMIMONTHLY", "payroll",
                    LocalDate.of(2026, 1, 15), 0, 1), ops);
            groups.setFundingAccount(client.id(), "US-BW", new SetFundingAccount("Lakeshore Retail Inc", "1234567890",
                    "First Lakeshore Bank", "US_ABA", "011000015", "000123456789"), ops);
            groups.setFundingAccount(client.id(), "UK-M", new SetFundingAccount("Lakeshore Retail UK Ltd", "123456",
                    "Barclays", "GB_SORT_CODE", "20-00-00", "55779911"), ops);
            groups.setFundingAccount(client.id(), "IN-M", new SetFundingAccount("Lakeshore Retail India Pvt Ltd", "LAKESHORE01",
                    "HDFC Bank", "IN_IFSC", "HDFC0000001", "50200012345678"), ops);
            groups.setFundingAccount(client.id(), "PH-SM", new SetFundingAccount("Lakeshore Retail Philippines Inc", null,
                    "Bank of the Philippine Islands", "PH_BANK", "BOPIPHMM", "1234567890"), ops);
            return new Setup(client, preparer, checker, manager, approver, token(tokens, preparer), token(tokens, checker),
                    token(tokens, manager), token(tokens, approver));
        });
    }

    private static User staff(Users users, CurrentUser admin, Client client, String name, Role role) {
        return users.invite(new InviteUser(null, name.toLowerCase() + "@provider.test", "Payroll " + role.label(),
                "long enough password", Set.of(role), false, Set.of(client.id())), admin);
    }

    private static String token(ApiTokens tokens, User user) {
        return tokens.issue(CurrentUser.of(user), "tests", null, Duration.ofDays(365)).secret();
    }

    /** A valid employee of each country, as the API takes them. */
    static java.util.Map<String, Object> usEmployee(String number) {
        return new java.util.HashMap<>(java.util.Map.ofEntries(java.util.Map.entry("employeeNumber", number),
                java.util.Map.entry("givenName", "Dana"), java.util.Map.entry("familyName", "Reyes"),
                java.util.Map.entry("country", "US"), java.util.Map.entry("taxResidence", "NY"),
                java.util.Map.entry("payGroup", "US-BW"), java.util.Map.entry("startDate", "2025-06-01"),
                java.util.Map.entry("payBasis", "SALARY"), java.util.Map.entry("annualSalary", "78000.00"),
                java.util.Map.entry("bankScheme", "US_ABA"), java.util.Map.entry("bankRouting", "021000021"),
                java.util.Map.entry("bankAccount", "123456789012"), java.util.Map.entry("filingStatus", "SINGLE"),
                java.util.Map.entry("w4Step3", "2200")));
    }

    static java.util.Map<String, Object> ukEmployee(String number) {
        return new java.util.HashMap<>(java.util.Map.ofEntries(java.util.Map.entry("employeeNumber", number),
                java.util.Map.entry("givenName", "Alys"), java.util.Map.entry("familyName", "Morgan"),
                java.util.Map.entry("country", "GB"), java.util.Map.entry("taxResidence", "WLS"),
                java.util.Map.entry("payGroup", "UK-M"), java.util.Map.entry("startDate", "2024-09-01"),
                java.util.Map.entry("payBasis", "SALARY"), java.util.Map.entry("annualSalary", "42000.00"),
                java.util.Map.entry("bankScheme", "GB_SORT_CODE"), java.util.Map.entry("bankRouting", "40-47-84"),
                java.util.Map.entry("bankAccount", "70872490"), java.util.Map.entry("taxCode", "C1257L"),
                java.util.Map.entry("niCategory", "A")));
    }

    static java.util.Map<String, Object> indianEmployee(String number) {
        return new java.util.HashMap<>(java.util.Map.ofEntries(java.util.Map.entry("employeeNumber", number),
                java.util.Map.entry("givenName", "Priya"), java.util.Map.entry("familyName", "Raman"),
                java.util.Map.entry("country", "IN"), java.util.Map.entry("taxResidence", "Karnataka"),
                java.util.Map.entry("payGroup", "IN-M"), java.util.Map.entry("startDate", "2024-04-01"),
                java.util.Map.entry("payBasis", "SALARY"), java.util.Map.entry("annualSalary", "1200000.00"),
                java.util.Map.entry("bankScheme", "IN_IFSC"), java.util.Map.entry("bankRouting", "ICIC0001234"),
                java.util.Map.entry("bankAccount", "123456789012"), java.util.Map.entry("taxRegime", "NEW"),
                java.util.Map.entry("epsMember", "false")));
    }
}
