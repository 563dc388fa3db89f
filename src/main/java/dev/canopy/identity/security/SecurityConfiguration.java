package dev.canopy.identity.security;

import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Branding;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Three doors, each with its own way in: the API (API keys, stateless), the partner portal (partner
 * users) and the vendor console (staff). Which principal may do what is checked on the server for every
 * request: here by path, in controllers by permission. Each door that signs people in has its own
 * authentication manager; there is no global one, so no {@code UserDetailsService} bean (two would make Spring
 * Security warn, none makes Boot add an in-memory user with a generated password unless its auto-configuration is
 * left out, as {@code CanopyApplication} does).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 60 * 60)
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; "
            // Lessons frame SCORM packages (Canopy's own origin) and videos from these players alone.
            + "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com https://www.loom.com";

    /** Argon2id for new hashes; the prefix in each stored hash lets us move to a stronger one later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2", Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    /** The session cookie: HttpOnly, Secure and SameSite=Lax. */
    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName("CANOPY_SESSION");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setUseSecureCookie(secure);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    /**
     * What websites and Stripe call: the tracking snippet and its lead intake, and Stripe webhooks. No
     * user signs in here and no cookie is read; each endpoint checks its own proof (a signature, an
     * allowed origin).
     */
    @Bean
    @Order(0)
    SecurityFilterChain trackingIntake(HttpSecurity http) throws Exception {
        http.securityMatcher("/t/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable()) // no cookie authenticates anything under /t
                .requestCache(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys apiKeys) throws Exception {
        http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("API"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Never read a browser session here either: only a key authenticates the API.
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable()) // no cookies: a forged cross-site request carries no key
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiAuthenticationProblems::unauthorized)
                        .accessDeniedHandler(ApiAuthenticationProblems::forbidden));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portal(
            HttpSecurity http,
            PartnerUsers partnerUsers,
            PasswordEncoder encoder,
            LoginAttempts attempts,
            Branding branding)
            throws Exception {
        http.securityMatcher("/portal/**")
                .authorizeHttpRequests(a -> a.requestMatchers("/portal/login", "/portal/join/*")
                        .permitAll()
                        .anyRequest()
                        .hasRole("PARTNER"))
                .authenticationManager(manager(partnerUsers::loadUserByUsername, encoder))
                .formLogin(f -> f.loginPage("/portal/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/portal", false)
                        .failureHandler(attempts.failureHandler("/portal/login"))
                        .successHandler(attempts.successHandler("/portal")))
                // Back to the vendor's own sign-in page, in its brand.
                .logout(l -> l.logoutUrl("/portal/logout")
                        .logoutSuccessHandler((request, response, authentication) ->
                                response.sendRedirect(request.getContextPath() + "/portal/login?logout"
                                        + (authentication != null
                                                        && authentication.getPrincipal() instanceof PartnerUser user
                                                ? "&workspace="
                                                        + branding.of(user.workspaceId())
                                                                .slug()
                                                : ""))))
                .addFilterBefore(attempts.throttle("/portal/login"), UsernamePasswordAuthenticationFilter.class);
        return common(http).build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain console(
            HttpSecurity http, VendorAccounts vendorAccounts, PasswordEncoder encoder, LoginAttempts attempts)
            throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/",
                                "/login",
                                "/signup",
                                "/signup/slug",
                                "/forgot-password",
                                "/reset-password",
                                "/invitations/*",
                                "/programs/**",
                                "/directory/**",
                                "/p/**",
                                "/brand/*/logo",
                                "/shared/**",
                                "/verify/*",
                                "/verify/*/badge.json",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/favicon.ico",
                                "/error",
                                "/api/docs",
                                "/api/swagger-ui/**",
                                "/actuator/health/**",
                                "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/app/**")
                        .hasRole("VENDOR")
                        .anyRequest()
                        .authenticated())
                .authenticationManager(manager(vendorAccounts::loadUserByUsername, encoder))
                .formLogin(f -> f.loginPage("/login")
                        .usernameParameter("email")
                        .failureHandler(attempts.failureHandler("/login"))
                        .successHandler(attempts.successHandler("/app")))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(attempts.throttle("/login"), UsernamePasswordAuthenticationFilter.class);
        return common(http).build();
    }

    private static HttpSecurity common(HttpSecurity http) throws Exception {
        // A SCORM package's files carry their own policy (framed by Canopy's lesson page, their scripts kept in).
        RequestMatcher pages = new NegatedRequestMatcher(new OrRequestMatcher(
                PathPatternRequestMatcher.pathPattern("/portal/learning/packages/**"),
                PathPatternRequestMatcher.pathPattern("/app/courses/packages/**")));
        return http.headers(h -> h.frameOptions(f -> f.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                pages, new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                pages, new StaticHeadersWriter("Content-Security-Policy", CSP)))
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()));
    }

    private static ProviderManager manager(UserDetailsService users, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        return new ProviderManager(provider);
    }
}
