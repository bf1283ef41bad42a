package org.openbpo.web.ui;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.Users;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * User management in its three places: a client's users (provider administrators), the
 * provider's own staff, and a client administrator's own people. One page, three scopes.
 */
@Controller
class UserPages {

    static final int PAGE_SIZE = 25;
    private static final List<String> FIELDS = List.of("email", "displayName", "password", "roles", "allClients",
            "assignedClients");

    /** Which users a page manages and how it is titled; {@code clientId} null means provider staff. */
    record UserScope(@Nullable UUID clientId, String base, String heading, String subtitle, Role.Side side) {
        public List<Role> roles() {
            return Arrays.stream(Role.values()).filter(role -> role.side() == side).toList();
        }

        public boolean staff() {
            return side == Role.Side.PROVIDER;
        }
    }

    private final Users users;
    private final Clients clients;

    UserPages(Users users, Clients clients) {
        this.users = users;
        this.clients = clients;
    }

    @GetMapping("/admin/clients/{clientId}/users")
    String clientUsers(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                       @AuthenticationPrincipal CurrentUser by, Model model) {
        return list(ofClient(clientId, by), cursor, UserForm.blank(), FormErrors.none(), by, model);
    }

    @PostMapping("/admin/clients/{clientId}/users")
    String inviteClientUser(@PathVariable UUID clientId, @Valid @ModelAttribute("form") UserForm form,
                            BindingResult binding, @AuthenticationPrincipal CurrentUser by, Model model,
                            RedirectAttributes flash) {
        return invite(ofClient(clientId, by), form, binding, by, model, flash);
    }

    @PostMapping("/admin/clients/{clientId}/users/{userId}/status")
    String changeClientUser(@PathVariable UUID clientId, @PathVariable UUID userId, @RequestParam UserStatus status,
                            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                            @AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes flash) {
        return changeStatus(ofClient(clientId, by), userId, status, htmx != null, by, model, flash);
    }

    @GetMapping("/admin/staff")
    String staff(@RequestParam(required = false) @Nullable String cursor, @AuthenticationPrincipal CurrentUser by,
                 Model model) {
        return list(ofStaff(), cursor, UserForm.blank(), FormErrors.none(), by, model);
    }

    @PostMapping("/admin/staff")
    String inviteStaff(@Valid @ModelAttribute("form") UserForm form, BindingResult binding,
                       @AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes flash) {
        return invite(ofStaff(), form, binding, by, model, flash);
    }

    @PostMapping("/admin/staff/{userId}/status")
    String changeStaff(@PathVariable UUID userId, @RequestParam UserStatus status,
                       @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                       @AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes flash) {
        return changeStatus(ofStaff(), userId, status, htmx != null, by, model, flash);
    }

    @GetMapping("/my/users")
    String myUsers(@RequestParam(required = false) @Nullable String cursor, @AuthenticationPrincipal CurrentUser by,
                   Model model) {
        return list(ofOwnClient(by), cursor, UserForm.blank(), FormErrors.none(), by, model);
    }

    @PostMapping("/my/users")
    String inviteMyUser(@Valid @ModelAttribute("form") UserForm form, BindingResult binding,
                        @AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes flash) {
        return invite(ofOwnClient(by), form, binding, by, model, flash);
    }

    @PostMapping("/my/users/{userId}/status")
    String changeMyUser(@PathVariable UUID userId, @RequestParam UserStatus status,
                        @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
                        @AuthenticationPrincipal CurrentUser by, Model model, RedirectAttributes flash) {
        return changeStatus(ofOwnClient(by), userId, status, htmx != null, by, model, flash);
    }

    private UserScope ofClient(UUID clientId, CurrentUser by) {
        Client client = clients.get(clientId);
        return new UserScope(clientId, "/admin/clients/" + clientId + "/users", client.name() + " · users",
                "People of " + client.name() + " (" + client.code() + ") who log in to the client portal.",
                Role.Side.CLIENT);
    }

    private static UserScope ofStaff() {
        return new UserScope(null, "/admin/staff", "Provider staff",
                "Your own people: administrators, managers, team leads, agents and analysts.", Role.Side.PROVIDER);
    }

    private UserScope ofOwnClient(CurrentUser by) {
        if (by.providerStaff() || !by.has(Role.CLIENT_ADMINISTRATOR)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only client administrators manage their users here.");
        }
        Client own = clients.get(by.clientId());
        return new UserScope(own.id(), "/my/users", "Users", "The people of " + own.name() + " who use OpenBPO.",
                Role.Side.CLIENT);
    }

    private String list(UserScope scope, @Nullable String cursor, UserForm form, FormErrors errors,
                        CurrentUser by, Model model) {
        CursorPage<User> page = CursorPage.of(users.page(scope.clientId(), after(cursor), PAGE_SIZE + 1, by),
                PAGE_SIZE, user -> user.id().toString());
        model.addAttribute("scope", scope);
        model.addAttribute("page", page);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("form", form.withoutPassword());
        model.addAttribute("errors", errors);
        model.addAttribute("me", by);
        model.addAttribute("assignable", scope.staff() ? clients.page(null, ShellAdvice.SWITCHER_LIMIT) : List.of());
        return "admin/users";
    }

    private String invite(UserScope scope, UserForm form, BindingResult binding, CurrentUser by, Model model,
                          RedirectAttributes flash) {
        if (binding.hasErrors()) {
            return list(scope, null, form, FormErrors.of(binding), by, model);
        }
        try {
            User user = users.invite(form.toInvite(scope.clientId()), by);
            flash.addFlashAttribute("notice", user.displayName() + " (" + user.email() + ") can now log in.");
            return "redirect:" + scope.base();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return list(scope, null, form, FormErrors.none().add(e, FIELDS), by, model);
        }
    }

    private String changeStatus(UserScope scope, UUID userId, UserStatus status, boolean htmx, CurrentUser by,
                                Model model, RedirectAttributes flash) {
        User user = users.get(userId, by);
        if (!Objects.equals(user.clientId(), scope.clientId())) {
            throw new NotFound("user", userId);
        }
        User changed;
        try {
            changed = users.changeStatus(userId, status, by);
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || !htmx) {
                throw e;
            }
            model.addAttribute("rowError", e.getMessage());
            changed = user;
        }
        if (!htmx) {
            flash.addFlashAttribute("notice", changed.displayName() + " is now " + changed.status().name().toLowerCase() + ".");
            return "redirect:" + scope.base();
        }
        model.addAttribute("scope", scope);
        model.addAttribute("u", changed);
        model.addAttribute("me", by);
        return "admin/users :: row";
    }

    private static @Nullable UUID after(@Nullable String cursor) {
        String key = CursorPage.decode(cursor);
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("cursor", "This page link is not valid any more.");
        }
    }
}
