package org.disclosureledger.api.security;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ClearSiteDataHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chains. The API (and operations, the API description, the development issuer) take bearer tokens only:
 * no session, no cookies, so no CSRF to guard against. The enrollee's page keeps the signed-in enrollee in a session
 * ({@link PageSignIn}), guards its forms with CSRF tokens, answers refusals with pages ({@link PageRefusals}) and
 * sends a script-free Content-Security-Policy, {@code X-Frame-Options: DENY} and {@code nosniff}. Both authorise from
 * {@link EndpointPolicy} and refuse whatever it does not list; neither sends CORS headers, so no other site's script
 * can call the ledger from a browser.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] API_PATHS = {"/api/**", "/dev/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**"};

    /** Where the page's sign-out form posts; Spring Security's logout filter answers it. */
    static final String SIGN_OUT = "/sign-out";

    private static final String CSP = "Content-Security-Policy";

    /**
     * The enrollee's page: its own stylesheet and forms, nothing else. No script runs at all, not even the page's own,
     * and no other site may frame it.
     */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";

    /** Swagger UI, which is public and needs its own scripts, inline styles and data: images. */
    private static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'"
            + " 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none';"
            + " object-src 'none'";

    private static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html"),
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"));

    /**
     * No Micrometer observations of Spring Security's filter chains, authentications and authorisations: they took
     * about an eighth of the request threads' CPU in profiles of scenarios 1 and 5 (docs/decisions.md). Each request
     * is still timed once, as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

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
    SecurityFilterChain pages(HttpSecurity http, PageSignIn signIn, PageRefusals refusals, Clock clock)
            throws Exception {
        http.addFilterBefore(new SignInExpiry(clock), CsrfFilter.class)
                .authorizeHttpRequests(SecurityConfiguration::fromPolicy)
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                // The signed-in enrollee lives in the session, written there by PageSignIn alone.
                .securityContext(context -> context.securityContextRepository(signIn.securityContexts()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                // Every form of the page carries the token in a hidden field; a post without it is a 403, and
                // signing in and out renews it.
                .csrf(csrf -> csrf.csrfTokenRepository(signIn.csrfTokens()))
                .logout(logout -> logout.logoutRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SIGN_OUT))
                        .logoutSuccessUrl("/sign-in?signed-out")
                        .addLogoutHandler(new HeaderWriterLogoutHandler(new ClearSiteDataHeaderWriter(
                                ClearSiteDataHeaderWriter.Directive.CACHE,
                                ClearSiteDataHeaderWriter.Directive.COOKIES))))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                SWAGGER_UI, new StaticHeadersWriter(CSP, SWAGGER_UI_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(SWAGGER_UI), new StaticHeadersWriter(CSP, PAGE_POLICY)))
                        .frameOptions(frames -> frames.deny())
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
