package org.openbpo.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openbpo.ledger.HouseBook;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.UUID;

/**
 * The house is registered like a client, so staff who serve every client would reach its books
 * through a client's ledger paths too. There, as at {@code /api/v1/ledger/house}, only those who
 * may read the provider's own books get past; everyone else is answered as for a client they
 * cannot see.
 */
@Configuration(proxyBeanMethods = false)
class HouseBookGuard implements WebMvcConfigurer, HandlerInterceptor {

    private final HouseBook house;

    HouseBookGuard(HouseBook house) {
        this.house = house;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/clients/*/ledger/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("clientId") instanceof String clientId
                && authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            UUID client;
            try {
                client = UUID.fromString(clientId);
            } catch (IllegalArgumentException notAnId) {
                return true; // the handler answers the malformed id as it does for any path
            }
            house.requireMayReadIfHouse(client, user);
        }
        return true;
    }
}
