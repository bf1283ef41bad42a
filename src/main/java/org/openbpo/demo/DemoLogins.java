package org.openbpo.demo;

import java.util.List;

/** The people of the demo data set who can log in, all with the same password. */
public final class DemoLogins {

    public static final String PASSWORD = "openbpo-demo-2026";

    public record Login(String email, String who) {
    }

    public static final List<Login> LOGINS = List.of(
            new Login("admin@openbpo.example", "Provider administrator"),
            new Login("ops@openbpo.example", "Operations manager"),
            new Login("lead.manila@openbpo.example", "Team lead, Manila"),
            new Login("agent.maria@openbpo.example", "Agent, Manila"),
            new Login("agent.diego@openbpo.example", "Agent, Mexico City"),
            new Login("qa@openbpo.example", "QA analyst"),
            new Login("billing@openbpo.example", "Billing analyst"),
            new Login("it.admin@lakeshore.example", "Lakeshore Retail: client administrator"),
            new Login("approver@albion.example", "Albion Mutual: approver"),
            new Login("requester@kaveri.example", "Kaveri Software: requester"));

    private DemoLogins() {
    }

    public static String table() {
        StringBuilder out = new StringBuilder("Demo logins (password for all: " + PASSWORD + ")\n");
        for (Login login : LOGINS) {
            out.append(String.format("  %-32s %s%n", login.email(), login.who()));
        }
        return out.toString();
    }
}
