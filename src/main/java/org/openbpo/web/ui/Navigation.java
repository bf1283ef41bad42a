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
            return !soon && (href.equals("/") ? path.equals("/") : path.startsWith(href));
        }
    }

    static Navigation of(CurrentUser user) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("Overview", List.of(Item.link("Dashboard", "/", "home"))));
        List<Item> admin = new ArrayList<>();
        if (user.providerStaff() && user.has(Role.ADMINISTRATOR)) {
            admin.add(Item.link("Clients", "/admin/clients", "building"));
        }
        if (user.providerAdministrator()) {
            admin.add(Item.link("Provider staff", "/admin/staff", "users"));
        }
        if (!user.providerStaff() && user.has(Role.CLIENT_ADMINISTRATOR)) {
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

    private static List<String> comingSoon(Set<Role> roles) {
        Set<String> modules = new LinkedHashSet<>();
        for (Role role : roles) {
            modules.addAll(switch (role) {
                case ADMINISTRATOR, OPERATIONS_MANAGER -> List.of("Work", "Queues", "Contracts", "Reports");
                case TEAM_LEAD, AGENT -> List.of("Work", "Queues");
                case QA_ANALYST -> List.of("Quality");
                case BILLING_ANALYST -> List.of("Billing", "Ledger", "Payroll");
                case CLIENT_ADMINISTRATOR, APPROVER -> List.of("Requests", "Approvals", "Reports");
                case REQUESTER -> List.of("Requests");
            });
        }
        return List.copyOf(modules);
    }
}
