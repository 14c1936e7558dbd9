package org.disclosureledger.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chains. The API (and operations, the API description, the development issuer) take bearer tokens only:
 * no session, no cookies, so no CSRF to guard against. The enrollee's page keeps a signed-in session and guards its
 * forms with CSRF tokens. Both authorise from {@link EndpointPolicy} and refuse whatever it does not list; neither
 * sends CORS headers, so no other site's script can call the ledger from a browser.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] API_PATHS = {"/api/**", "/dev/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    SecurityProblems securityProblems(JsonMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, TokenClaims claims, SecurityProblems problems) throws Exception {
        http.securityMatcher(API_PATHS)
                .authorizeHttpRequests(SecurityConfiguration::fromPolicy)
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(claims))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> {})
                .headers(headers -> headers.referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, SecurityProblems problems) throws Exception {
        http.authorizeHttpRequests(SecurityConfiguration::fromPolicy)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                                        + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self';"
                                        + " base-uri 'none'; object-src 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    private static void fromPolicy(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (EndpointPolicy.Rule rule : EndpointPolicy.RULES) {
            var matched = requests.requestMatchers(rule.method(), rule.pattern());
            if (rule.isPublic()) {
                matched.permitAll();
            } else {
                matched.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
            }
        }
        // Errors are rendered by forwarding to /error; the original request was authorised already.
        requests.requestMatchers("/error").permitAll();
        requests.anyRequest().denyAll();
    }
}
