package org.openbpo.tenancy.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.persistence.PrincipalChanges;
import org.openbpo.tenancy.persistence.UserRows;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps a signed-in browser session true to its user. The session holds the user as they were at
 * login; whenever the database has announced a change to users since this session last looked
 * ({@link PrincipalChanges}), the user is read again: one who was disabled or removed is signed out
 * on their next request, and changed roles or clients apply from that request on. While changes
 * cannot be heard, every request reads the user.
 */
class SessionUserCheck extends OncePerRequestFilter {

    private static final String CHECKED_AT = SessionUserCheck.class.getName() + ".generation";

    private final PrincipalChanges changes;
    private final UserRows users;
    private final TransactionTemplate readOnly;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionUserCheck(PrincipalChanges changes, UserRows users, TransactionTemplate readOnly) {
        this.changes = changes;
        this.users = users;
        this.readOnly = readOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || signedIn == null || !(signedIn.getPrincipal() instanceof CurrentUser user)) {
            chain.doFilter(request, response);
            return;
        }
        long generation = changes.generation();
        if (generation != PrincipalChanges.NOT_LISTENING && Long.valueOf(generation).equals(session.getAttribute(CHECKED_AT))) {
            chain.doFilter(request, response);
            return;
        }
        Optional<User> now = TenantScope.call(AllowedClients.ALL, () -> readOnly.execute(tx -> users.find(user.id())));
        if (now == null || now.isEmpty() || now.get().status() != UserStatus.ACTIVE) {
            signOut(request, response, session);
            return;
        }
        CurrentUser current = CurrentUser.of(now.get());
        if (!current.equals(user)) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(current, null,
                    current.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
            SecurityContextHolder.setContext(context);
            contexts.saveContext(context, request, response);
        }
        session.setAttribute(CHECKED_AT, generation);
        chain.doFilter(request, response);
    }

    private static void signOut(HttpServletRequest request, HttpServletResponse response, HttpSession session) throws IOException {
        session.invalidate();
        SecurityContextHolder.clearContext();
        request.getSession(true).setAttribute("loginError", "You were signed out: this account is no longer active.");
        if ("true".equals(request.getHeader("HX-Request"))) {
            response.setHeader("HX-Redirect", "/login?error");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect("/login?error");
        }
    }
}
