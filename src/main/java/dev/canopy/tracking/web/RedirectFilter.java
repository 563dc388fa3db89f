package dev.canopy.tracking.web;

import dev.canopy.tracking.internal.Redirector;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The link redirect, {@code GET /r/{workspace}/{slug}}, on the application's own port. It runs before
 * every other filter (no session, no security context, no MVC dispatch) and answers at once.
 */
public class RedirectFilter implements Filter {

    private final Redirector redirector;

    RedirectFilter(Redirector redirector) {
        this.redirector = redirector;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Redirector.Answer answer = redirector.answer(new Redirector.Visit(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()),
                request.getQueryString(),
                request.getRemoteAddr(),
                request::getHeader));
        Redirector.HEADERS.forEach(h -> response.setHeader(h[0], h[1]));
        response.setStatus(answer.status());
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
            return;
        }
        if (answer.status() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "GET, HEAD");
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer.message());
    }
}
