package dev.canopy.platform.web;

import dev.canopy.platform.internal.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id — the caller's {@code X-Request-Id} when it sends a usable one, else a new
 * {@code req_…} — answered as {@code Request-Id}, printed in the logs and used as problems' {@code instance}, so
 * that a support request can quote one string. First of all filters, so that even a 401 carries it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    static final String RESPONSE_HEADER = "Request-Id";
    static final String REQUEST_HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIdFilter.class.getName();
    /** URI-unreserved characters only: the id is also a problem's {@code instance}, a URI reference. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the container's error page answers the same request: it keeps the same id
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE);
        if (id == null) {
            String sent = request.getHeader(REQUEST_HEADER);
            id = sent != null && USABLE.matcher(sent).matches() ? sent : newId();
            request.setAttribute(ATTRIBUTE, id);
        }
        response.setHeader(RESPONSE_HEADER, id);
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, outer);
            }
        }
    }

    /** {@code req_} and 20 characters of Crockford base32: 100 random bits. */
    private String newId() {
        char[] id = new char[24];
        "req_".getChars(0, 4, id, 0);
        for (int i = 4; i < id.length; i++) {
            id[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
