package dev.canopy.identity.security;

import dev.canopy.identity.PartnerUserSignedIn;
import dev.canopy.identity.internal.AccountTable;
import dev.canopy.identity.internal.LoginFailureTable;
import dev.canopy.identity.internal.LoginThrottle;
import dev.canopy.identity.internal.PartnerUserTable;
import dev.canopy.platform.Language;
import dev.canopy.shared.EmailAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in attempts: failures are counted in PostgreSQL and {@link LoginThrottle} decides when to refuse
 * further tries; a success records the sign-in and clears the address's failures.
 */
@Component
class LoginAttempts {

    private final LoginFailureTable failures;
    private final AccountTable accounts;
    private final PartnerUserTable partnerUsers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LocaleResolver languages;

    LoginAttempts(
            LoginFailureTable failures,
            AccountTable accounts,
            PartnerUserTable partnerUsers,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            LocaleResolver languages) {
        this.failures = failures;
        this.accounts = accounts;
        this.partnerUsers = partnerUsers;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.languages = languages;
    }

    /** Refuses a sign-in POST to {@code loginPath} while the address or the client is locked out. */
    OncePerRequestFilter throttle(String loginPath) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"POST".equals(request.getMethod())
                        || !loginPath.equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Instant now = clock.instant();
                Instant since = now.minus(LoginThrottle.WINDOW);
                Optional<Instant> lockedUntil = LoginThrottle.lockedUntil(
                        failures.forAccountSince(email(request), since),
                        failures.forIpSince(request.getRemoteAddr(), since),
                        now);
                if (lockedUntil.isPresent()) {
                    long minutes = Math.max(1, (lockedUntil.get().getEpochSecond() - now.getEpochSecond() + 59) / 60);
                    response.sendRedirect(loginPath + "?locked=" + minutes + workspace(request));
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    AuthenticationFailureHandler failureHandler(String loginPath) {
        return (request, response, exception) -> {
            failures.insert(email(request), request.getRemoteAddr(), clock.instant());
            response.sendRedirect(loginPath + "?error" + workspace(request));
        };
    }

    AuthenticationSuccessHandler successHandler(String home) {
        SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();
        redirect.setDefaultTargetUrl(home);
        return (request, response, authentication) -> {
            Instant now = clock.instant();
            switch (authentication.getPrincipal()) {
                case VendorUser user -> accounts.recordLogin(user.accountId(), now);
                case PartnerUser user -> {
                    Optional<String> language = transactions.execute(tx -> {
                        events.publishEvent(new PartnerUserSignedIn(user.workspaceId(), user.partnerId(), now));
                        return partnerUsers.recordLogin(user.id(), now);
                    });
                    language.flatMap(Language::of)
                            .ifPresent(chosen -> languages.setLocale(request, response, chosen.locale()));
                }
                default -> {}
            }
            failures.forget(email(request));
            redirect.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The workspace whose brand the sign-in page showed, carried on to the next page ("&workspace=…"). */
    static String workspace(HttpServletRequest request) {
        String slug = request.getParameter("workspace");
        return slug != null && slug.matches("[a-z0-9-]{1,63}") ? "&workspace=" + slug : "";
    }

    private static String email(HttpServletRequest request) {
        String raw = request.getParameter("email");
        return EmailAddress.parse(raw).map(EmailAddress::value).orElse(raw == null ? "" : raw.strip());
    }
}
