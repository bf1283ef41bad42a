package org.openbpo.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.secret.SecretAnswers;
import org.openbpo.tenancy.ApiToken;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.IssuedToken;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "Your personal API tokens")
class TokenApi {

    record IssueToken(@NotBlank @Size(max = 100) String name, @Nullable UUID clientId,
                      @Nullable @Min(1) @Max(3650) Integer validDays) {
    }

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping
    @Operation(summary = "Your tokens (never their secrets)")
    List<ApiToken> list(@AuthenticationPrincipal CurrentUser user) {
        return tokens.of(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a token; the secret is in this response and nowhere else")
    IssuedToken issue(@Valid @RequestBody IssueToken request, @AuthenticationPrincipal CurrentUser user,
                      HttpServletRequest http) {
        http.setAttribute(SecretAnswers.REQUEST_ATTRIBUTE, Boolean.TRUE);
        return tokens.issue(user, request.name(), request.clientId(),
                request.validDays() == null ? null : Duration.ofDays(request.validDays()));
    }

    @DeleteMapping("/{tokenId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a token")
    void revoke(@PathVariable UUID tokenId, @AuthenticationPrincipal CurrentUser user) {
        tokens.revoke(tokenId, user);
    }
}
