package dev.canopy.platform.web;

import dev.canopy.platform.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a page. The console and the API are in English. The portal and the public pages follow the
 * partner's choice (kept in a cookie, and on the partner's account so that it follows them to another browser),
 * else the browser's Accept-Language when Canopy ships that language, else English.
 */
@Component("localeResolver")
public class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "canopy_lang";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/app") || path.startsWith("/api")) {
            return Language.ENGLISH.locale();
        }
        return chosen(request)
                .or(() -> accepted(request))
                .orElse(Language.ENGLISH)
                .locale();
    }

    /** The first of the browser's languages, in its order of preference, that Canopy ships. */
    private static Optional<Language> accepted(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Optional.empty();
        }
        return Collections.list(request.getLocales()).stream()
                .map(Language::shipped)
                .flatMap(Optional::stream)
                .findFirst();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Language.shipped(locale)
                .ifPresent(language -> response.addHeader(
                        "Set-Cookie",
                        ResponseCookie.from(COOKIE, language.tag())
                                .path("/")
                                .maxAge(Duration.ofDays(365))
                                .httpOnly(true)
                                .secure(request.isSecure())
                                .sameSite("Lax")
                                .build()
                                .toString()));
    }

    private static Optional<Language> chosen(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return Language.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
