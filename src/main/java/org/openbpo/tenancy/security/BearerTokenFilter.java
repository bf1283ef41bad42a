package org.openbpo.tenancy.security;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.tenancy.ApiTokens;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

import java.io.IOException;

/**
 * The whole of the REST API's authentication: every request to {@code /api/v1} must carry a valid
 * {@code Authorization: Bearer} personal token, checked against the database or, for a token this
 * node checked recently and nothing changed since, against what it remembers (so a revoked token or a
 * disabled user is refused from the next request on; see {@link ApiTokens#check}). Anything else is answered
 * here with a 401 problem detail; the controller never runs. Authorisation by role is the business
 * modules' own (their services refuse with 403 problems), so nothing else of Spring Security's
 * filter chain has work to do on an API request.
 */
final class BearerTokenFilter implements Filter {

    private final ApiTokens tokens;
    private final ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, ProblemWriter problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            problems.write(request, response, 401, "unauthenticated",
                    "Send a personal API token as 'Authorization: Bearer <token>'.");
            return;
        }
        var check = tokens.check(header.substring(7).strip());
        switch (check) {
            case ApiTokens.Check.Accepted accepted -> {
                var authorities = accepted.user().roles().stream()
                        .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
                SecurityContextHolder.setContext(new SecurityContextImpl(
                        UsernamePasswordAuthenticationToken.authenticated(accepted.user(), null, authorities)));
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
