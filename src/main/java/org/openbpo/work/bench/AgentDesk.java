package org.openbpo.work.bench;

import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.concurrent.Callable;

/**
 * Runs a call as an agent, the way the API does after it checked the agent's token: the agent is
 * the authenticated principal, so the tenant scope, the audit actor and the role checks are theirs.
 */
final class AgentDesk {

    private final Authentication authentication;

    AgentDesk(CurrentUser agent) {
        this.authentication = UsernamePasswordAuthenticationToken.authenticated(agent, null,
                agent.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
    }

    CurrentUser agent() {
        return (CurrentUser) authentication.getPrincipal();
    }

    <T> T call(Callable<T> work) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
