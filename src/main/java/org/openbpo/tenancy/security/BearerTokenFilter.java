package org.openbpo.tenancy.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.tenancy.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Authenticates API calls by their {@code Authorization: Bearer} personal token. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        var check = tokens.check(header.substring(7).strip());
        switch (check) {
            case ApiTokens.Check.Accepted accepted -> {
                var authorities = accepted.user().roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(accepted.user(), null, authorities));
                try {
                    chain.doFilter(request, response);
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }
            case ApiTokens.Check.Refused refused -> problems.write(request, response, 401, "invalid-token",
                    switch (refused.reason()) {
                        case MALFORMED -> "The bearer token is not an OpenBPO API token.";
                        case UNKNOWN -> "The bearer token is not valid.";
                        case EXPIRED -> "The bearer token has expired.";
                        case REVOKED -> "The bearer token has been revoked.";
                        case USER_DISABLED -> "The bearer token's user is disabled.";
                    });
        }
    }
}
