package org.openbpo.tenancy.security;

import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.persistence.PrincipalChanges;
import org.openbpo.tenancy.persistence.UserRows;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Two doors: the REST API takes bearer tokens and keeps no session; the web UI takes a password
 * login, keeps a session (true to its user, see {@link SessionUserCheck}) and checks a CSRF token on
 * every change.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    /**
     * Spring Security would otherwise time each of its filters, authentications and authorisations as
     * observations of their own on every request — about a twentieth of an API request's CPU. The
     * request as a whole keeps its metrics (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The REST API's chain is built by hand rather than by {@link HttpSecurity}: a bearer token on
     * every request, no session, no CSRF (no cookie to ride on), no request cache, no security
     * context repository, no anonymous user, no logout — the builder's default filters would each
     * look at every API request for nothing. Two filters remain: the security headers every answer
     * carries, and the token check, which answers 401 itself. Roles are checked by the business
     * modules (403 problems), which is why no authorisation filter is needed here.
     */
    @Bean
    @Order(1)
    SecurityFilterChain api(ApiTokens tokens, ProblemWriter problems) {
        return new DefaultSecurityFilterChain(PathPatternRequestMatcher.pathPattern("/api/v1/**"),
                new HeaderWriterFilter(List.of(new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(),
                        new CacheControlHeadersWriter(), new HstsHeaderWriter(), new XFrameOptionsHeaderWriter())),
                new BearerTokenFilter(tokens, problems));
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, PasswordLogin passwordLogin, PrincipalChanges changes, UserRows users,
                            PlatformTransactionManager transactionManager) throws Exception {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return http
                .authenticationProvider(passwordLogin)
                .addFilterAfter(new SessionUserCheck(changes, users, readOnly), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health/**", "/actuator/prometheus", "/api/docs", "/api/docs/**",
                                "/api/docs.json", "/api/docs.json/**", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) -> {
                            request.getSession().setAttribute("loginError", e.getMessage());
                            response.sendRedirect("/login?error");
                        }))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
                .build();
    }
}
