package org.openbpo.web.ui;

import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The menu a user sees. Only pages that work are links; what later modules will bring is listed
 * separately, greyed and marked "soon", so nobody clicks into a dead end.
 */
public record Navigation(List<Section> sections) {

    public record Section(String title, List<Item> items) {
    }

    public record Item(String label, String href, String icon, boolean soon) {
        static Item link(String label, String href, String icon) {
            return new Item(label, href, icon, false);
        }

        static Item soon(String label, String icon) {
            return new Item(label, "", icon, true);
        }

        public boolean activeAt(String path) {
            return !soon && (href.equals("/") ? path.equals("/") : path.equals(href) || path.startsWith(href + "/"));
        }
    }

    static Navigation of(CurrentUser user) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Overview", List.of(Item.link("Dashboard", "/", "home"))));
        boolean staff = user.providerStaff();
        boolean manager = staff && (user.has(Role.ADMINISTRATOR) || user.has(Role.OPERATIONS_MANAGER));
        List<Item> work = new ArrayList<>();
        if (staff && (user.has(Role.AGENT) || user.has(Role.TEAM_LEAD))) {
            work.add(Item.link("Work", "/work", "inbox"));
            work.add(Item.link("Chats", "/support/chats", "headset"));
            work.add(Item.link("Support desk", "/support", "users"));
        }
        if (staff && (user.has(Role.TEAM_LEAD) || manager)) {
            work.add(Item.link("Overview", "/work/overview", "chart"));
        }
        if (!staff && (user.has(Role.REQUESTER) || user.has(Role.APPROVER) || user.has(Role.CLIENT_ADMINISTRATOR))) {
            work.add(Item.link("Portal", "/portal", "inbox"));
        }
        if (!staff && (user.has(Role.REQUESTER) || user.has(Role.APPROVER) || user.has(Role.CLIENT_ADMINISTRATOR))) {
            work.add(Item.link("Scorecards", "/portal/scorecards", "chart"));
        }
        if (staff ? user.has(Role.AGENT) : user.has(Role.APPROVER)) {
            work.add(Item.link("Accounts payable", "/payables", "file"));
        }
        if ((staff && (user.has(Role.AGENT) || user.has(Role.TEAM_LEAD) || manager))
                || (!staff && (user.has(Role.APPROVER) || user.has(Role.CLIENT_ADMINISTRATOR)))) {
            work.add(Item.link("Payroll", "/payroll", "file"));
        }
        if (!work.isEmpty()) {
            sections.add(new Section("Work", work));
        }
        List<Item> quality = new ArrayList<>();
        boolean analyst = staff && user.has(Role.QA_ANALYST);
        if (analyst || manager || (staff && user.has(Role.TEAM_LEAD))) {
            quality.add(Item.link("QA queue", "/quality", "check"));
            quality.add(Item.link("Calibration", "/quality/calibrations", "layers"));
        }
        if (analyst || manager) {
            quality.add(Item.link("QA forms", "/quality/forms", "file"));
            quality.add(Item.link("Scorecards", "/quality/scorecards", "chart"));
        }
        if (!quality.isEmpty()) {
            sections.add(new Section("Quality", quality));
        }
        List<Item> finance = new ArrayList<>();
        if (BillingPages.mayBill(user)) {
            finance.add(Item.link("Invoices", "/billing/invoices", "file"));
            finance.add(Item.link("Price plans", "/billing/plans", "layers"));
        }
        if (BillingMailServerPages.maySetUp(user)) {
            finance.add(Item.link("Billing mail server", "/billing/mail-server", "inbox"));
        }
        if (!staff) {
            finance.add(Item.link("Usage and invoices", "/portal/billing", "file"));
        }
        if (manager || (staff && user.has(Role.BILLING_ANALYST))
                || (!staff && (user.has(Role.CLIENT_ADMINISTRATOR) || user.has(Role.APPROVER)))) {
            finance.add(Item.link("Books", "/books", "book"));
        }
        if (!finance.isEmpty()) {
            sections.add(new Section("Finance", finance));
        }
        List<Item> admin = new ArrayList<>();
        if (staff && user.has(Role.ADMINISTRATOR)) {
            admin.add(Item.link("Clients", "/admin/clients", "building"));
        }
        if (user.providerAdministrator()) {
            admin.add(Item.link("Provider staff", "/admin/staff", "users"));
        }
        if (manager) {
            admin.add(Item.link("Contracts", "/admin/contracts", "file"));
            admin.add(Item.link("Work types", "/admin/work-types", "flow"));
            admin.add(Item.link("Queues", "/admin/queues", "layers"));
            admin.add(Item.link("Centres", "/admin/centres", "globe"));
            admin.add(Item.link("Agents", "/admin/agents", "headset"));
        }
        if (!staff && user.has(Role.CLIENT_ADMINISTRATOR)) {
            admin.add(Item.link("Users", "/my/users", "users"));
        }
        if (!admin.isEmpty()) {
            sections.add(new Section("Administration", admin));
        }
        sections.add(new Section("Account", List.of(Item.link("API tokens", "/me/tokens", "key"))));
        List<Item> coming = comingSoon(user.roles()).stream().map(name -> Item.soon(name, "clock")).toList();
        if (!coming.isEmpty()) {
            sections.add(new Section("Coming soon", coming));
        }
        return new Navigation(List.copyOf(sections));
    }

    /** The item for the page: the longest link the path lies under, so /work/overview is not also /work. */
    public boolean active(Item item, String path) {
        if (!item.activeAt(path)) {
            return false;
        }
        return sections.stream().flatMap(section -> section.items().stream())
                .filter(other -> other.activeAt(path))
                .noneMatch(other -> other.href().length() > item.href().length());
    }

    private static List<String> comingSoon(Set<Role> roles) {
        Set<String> modules = new LinkedHashSet<>();
        for (Role role : roles) {
            modules.addAll(switch (role) {
                case ADMINISTRATOR, OPERATIONS_MANAGER -> List.of("Reports");
                case TEAM_LEAD, AGENT -> List.<String>of();
                case QA_ANALYST -> List.<String>of();
                case BILLING_ANALYST -> List.of("Payroll");
                case CLIENT_ADMINISTRATOR, APPROVER -> List.of("Approvals", "Reports");
                case REQUESTER -> List.<String>of();
            });
        }
        return List.copyOf(modules);
    }
}
