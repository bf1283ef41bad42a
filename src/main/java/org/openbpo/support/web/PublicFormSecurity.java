package org.openbpo.support.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/**
 * The public support forms are open to anyone and meant to be embedded in the client's own web
 * site. No session and no CSRF token: there is no login to ride on, and inside another site's
 * frame our cookies would not be sent anyway; robots are kept out by the form's trap and rate limit.
 * The same goes for the chat widget's calls, which also come from the client's own site (CORS).
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
                .cors(cors -> cors.configurationSource(chatWidget()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frames -> frames.disable()).contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                                + "form-action 'self'; frame-ancestors *")))
                .build();
    }

    /**
     * Webhooks from the clients' own systems (telephony): no session, no CSRF; each request proves
     * itself with its client's secret, checked by the endpoint.
     */
    @Bean
    @Order(0)
    SecurityFilterChain clientWebhooks(HttpSecurity http) throws Exception {
        return http.securityMatcher("/hooks/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .build();
    }

    /** The chat widget runs on the client's own site and calls us from there: any origin, no cookies, the chat's token in a header. */
    private static CorsConfigurationSource chatWidget() {
        CorsConfiguration widget = new CorsConfiguration();
        widget.addAllowedOrigin("*");
        widget.setAllowedMethods(List.of("GET", "POST"));
        widget.setAllowedHeaders(List.of("Content-Type", "Accept", "X-Chat-Token"));
        widget.setAllowCredentials(false);
        widget.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/forms/*/chat/sessions/**", widget);
        source.registerCorsConfiguration("/forms/*/chat/sessions", widget);
        return source;
    }
}
