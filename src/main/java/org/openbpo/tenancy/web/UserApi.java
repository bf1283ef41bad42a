package org.openbpo.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.Users;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "Provider staff and client users")
class UserApi {

    record StatusChange(@NotNull UserStatus status) {
    }

    record NewClientUser(@NotBlank @Email @Size(max = 254) String email,
                         @NotBlank @Size(max = 120) String displayName,
                         @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
                         @NotEmpty Set<Role> roles) {
    }

    record NewStaff(@NotBlank @Email @Size(max = 254) String email,
                    @NotBlank @Size(max = 120) String displayName,
                    @NotBlank @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
                    @NotEmpty Set<Role> roles,
                    @Nullable Boolean allClients,
                    @Nullable Set<UUID> assignedClients) {
    }

    private final Users users;

    UserApi(Users users) {
        this.users = users;
    }

    @GetMapping("/me")
    @Operation(summary = "Who the token acts as")
    CurrentUser me(@AuthenticationPrincipal CurrentUser user) {
        return user;
    }

    @GetMapping("/clients/{clientId}/users")
    @Operation(summary = "A client's users (provider and client administrators)")
    CursorPage<User> clientUsers(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                                 @RequestParam(required = false) @Nullable Integer limit,
                                 @AuthenticationPrincipal CurrentUser user) {
        return page(clientId, cursor, limit, user);
    }

    @PostMapping("/clients/{clientId}/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a user to a client")
    User inviteClientUser(@PathVariable UUID clientId, @Valid @RequestBody NewClientUser request,
                          @AuthenticationPrincipal CurrentUser user) {
        return users.invite(new InviteUser(clientId, request.email(), request.displayName(), request.password(),
                request.roles(), false, null), user);
    }

    @GetMapping("/staff")
    @Operation(summary = "The provider's staff (provider administrators)")
    CursorPage<User> staff(@RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit,
                           @AuthenticationPrincipal CurrentUser user) {
        return page(null, cursor, limit, user);
    }

    @PostMapping("/staff")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member of the provider's staff")
    User inviteStaff(@Valid @RequestBody NewStaff request, @AuthenticationPrincipal CurrentUser user) {
        return users.invite(new InviteUser(null, request.email(), request.displayName(), request.password(),
                request.roles(), Boolean.TRUE.equals(request.allClients()), request.assignedClients()), user);
    }

    @GetMapping("/users/{userId}")
    @Operation(summary = "One user")
    User get(@PathVariable UUID userId, @AuthenticationPrincipal CurrentUser user) {
        return users.get(userId, user);
    }

    @PatchMapping("/users/{userId}")
    @Operation(summary = "Enable or disable a user")
    User changeStatus(@PathVariable UUID userId, @Valid @RequestBody StatusChange change,
                      @AuthenticationPrincipal CurrentUser user) {
        return users.changeStatus(userId, change.status(), user);
    }

    private CursorPage<User> page(@Nullable UUID clientId, @Nullable String cursor, @Nullable Integer limit, CurrentUser user) {
        int size = CursorPage.limit(limit);
        String after = CursorPage.decode(cursor);
        UUID afterId;
        try {
            afterId = after == null ? null : UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(users.page(clientId, afterId, size + 1, user), size, u -> u.id().toString());
    }
}
