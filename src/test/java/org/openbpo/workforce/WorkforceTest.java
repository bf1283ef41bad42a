package org.openbpo.workforce;

import org.junit.jupiter.api.AfterEach;
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
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Fixtures shared by the workforce tests: clients, staff with tokens, centres. */
abstract class WorkforceTest extends IntegrationTest {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    DeliveryCentres centres;
    @Autowired
    Agents agents;

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    record Staff(User user, String token) {
        UUID id() {
            return user.id();
        }

        CurrentUser current() {
            return CurrentUser.of(user);
        }
    }

    Client client(String prefix) {
        return TenantScope.call(AllowedClients.ALL, () -> clients.register(new RegisterClient(unique(prefix),
                prefix + " Company", prefix + " Company Ltd", "US", "America/Chicago", "USD", ClientStatus.ACTIVE)));
    }

    Staff staff(Role role, Set<UUID> assignedClients) {
        CurrentUser admin = providerAdministrator();
        return TenantScope.call(AllowedClients.ALL, () -> {
            User user = users.invite(new InviteUser(null, unique(role.name().toLowerCase()) + "@provider.test",
                    role.label(), "long enough password", Set.of(role), assignedClients.isEmpty(), assignedClients), admin);
            return new Staff(user, tokens.issue(CurrentUser.of(user), "test", null, Duration.ofDays(1)).secret());
        });
    }

    Staff clientUser(Client client, Role role) {
        CurrentUser admin = providerAdministrator();
        return TenantScope.call(AllowedClients.ALL, () -> {
            User user = users.invite(new InviteUser(client.id(), unique("client") + "@client.test", "Client User",
                    "long enough password", Set.of(role), false, null), admin);
            return new Staff(user, tokens.issue(CurrentUser.of(user), "test", null, Duration.ofDays(1)).secret());
        });
    }

    /** Monday to Friday, 08:00 to 17:00 local time. */
    static List<ShiftInterval> officeHours() {
        List<ShiftInterval> week = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.add(new ShiftInterval(day, LocalTime.of(8, 0), LocalTime.of(17, 0)));
        }
        return week;
    }

    static OpenDeliveryCentre centreCommand(String zone, List<ShiftInterval> shifts, List<LocalDate> holidays) {
        return new OpenDeliveryCentre(unique("C").toUpperCase(), "Test centre", Shore.OFFSHORE, "PH", zone, 1450, "USD",
                shifts, holidays);
    }

    DeliveryCentre centre(OpenDeliveryCentre command) {
        CurrentUser admin = providerAdministrator();
        return TenantScope.call(AllowedClients.ALL, () -> centres.open(command, admin));
    }
}
