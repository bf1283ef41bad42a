package org.openbpo.tenancy;

/** What a user may do. Provider roles belong to the provider's staff, client roles to a client's people. */
public enum Role {
    ADMINISTRATOR(Side.PROVIDER, "Administrator"),
    OPERATIONS_MANAGER(Side.PROVIDER, "Operations manager"),
    TEAM_LEAD(Side.PROVIDER, "Team lead"),
    AGENT(Side.PROVIDER, "Agent"),
    QA_ANALYST(Side.PROVIDER, "QA analyst"),
    BILLING_ANALYST(Side.PROVIDER, "Billing analyst"),
    CLIENT_ADMINISTRATOR(Side.CLIENT, "Client administrator"),
    APPROVER(Side.CLIENT, "Approver"),
    REQUESTER(Side.CLIENT, "Requester");

    public enum Side { PROVIDER, CLIENT }

    private final Side side;
    private final String label;

    Role(Side side, String label) {
        this.side = side;
        this.label = label;
    }

    public Side side() {
        return side;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
