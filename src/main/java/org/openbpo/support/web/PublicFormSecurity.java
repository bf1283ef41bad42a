package org.openbpo.support.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public support forms are open to anyone and meant to be embedded in the client's own web
 * site. No session and no CSRF token: there is no login to ride on, and inside another site's
 * frame our cookies would not be sent anyway; robots are kept out by the form's trap and rate limit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PublicFormSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicSupportForms(HttpSecurity http) throws Exception {
        return http.securityMatcher("/forms/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frames -> frames.disable()).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "form-action 'self'; frame-ancestors *")))
                .build();
    }
}
