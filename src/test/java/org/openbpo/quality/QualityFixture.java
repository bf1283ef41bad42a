package org.openbpo.quality;

import org.openbpo.contracts.Priority;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkFixture;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A client under contract (see {@link WorkFixture}) with two QA analysts and a team lead, and a way
 * to raise and complete back-office requests through the work engine as the agents would.
 */
final class QualityFixture {

    record Setup(WorkFixture.Setup work, User analyst, User secondAnalyst, User lead, String analystToken,
                 String secondAnalystToken, String leadToken) {
        String path() {
            return "/api/v1/clients/" + work.client().id();
        }
    }

    private final ApplicationContext context;
    private final Users users;
    private final ApiTokens tokens;
    private final WorkItems workItems;

    QualityFixture(ApplicationContext context) {
        this.context = context;
        this.users = context.getBean(Users.class);
        this.tokens = context.getBean(ApiTokens.class);
        this.workItems = context.getBean(WorkItems.class);
    }

    Setup clientWithQa(CurrentUser admin, String code, UnaryOperator<String> unique) {
        WorkFixture.Setup work = new WorkFixture(context).clientUnderContract(admin, code);
        return TenantScope.call(AllowedClients.ALL, () -> {
            User analyst = staff(admin, work, unique.apply("qa1"), "Quinn Analyst", Role.QA_ANALYST);
            User second = staff(admin, work, unique.apply("qa2"), "Sam Second", Role.QA_ANALYST);
            User lead = staff(admin, work, unique.apply("lead"), "Tess Lead", Role.TEAM_LEAD);
            return new Setup(work, analyst, second, lead, token(analyst), token(second), token(lead));
        });
    }

    WorkItem raise(Setup setup, String title, Priority priority) {
        return TenantScope.call(AllowedClients.ALL, () -> workItems.create(setup.work().client().id(), new CreateWorkItem("policy-admin",
                null, priority, title, Map.of("requestType", "other", "details", title), null), CurrentUser.of(setup.work().requester())));
    }

    /** The maker processes and hands over for checking, the checker completes: maker-checker as the work type demands. */
    void complete(Setup setup, WorkItem item) {
        TenantScope.run(AllowedClients.ALL, () -> {
            CurrentUser maker = CurrentUser.of(setup.work().maker());
            if (!workItems.get(item.clientId(), item.id()).state().equals("processing")) {
                move(item, "processing", maker);
            }
            move(item, "checking", maker);
            move(item, "completed", CurrentUser.of(setup.work().checker()));
        });
    }

    void move(WorkItem item, String to, CurrentUser by) {
        TenantScope.run(AllowedClients.ALL, () -> workItems.move(item.clientId(), item.id(), new MoveWorkItem(to, null), by));
    }

    private User staff(CurrentUser admin, WorkFixture.Setup work, String name, String displayName, Role role) {
        return users.invite(new InviteUser(null, name.toLowerCase() + "@quality.test", displayName, "long enough password",
                Set.of(role), false, Set.of(work.client().id())), admin);
    }

    private String token(User user) {
        return tokens.issue(CurrentUser.of(user), "tests", null, Duration.ofDays(365)).secret();
    }
}
