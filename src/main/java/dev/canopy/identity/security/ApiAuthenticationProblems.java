package dev.canopy.identity.security;

import dev.canopy.platform.ProblemResponses;
import dev.canopy.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** 401 and 403 for the API as RFC 9457 problems, the same shape as every other API error. */
final class ApiAuthenticationProblems {

    private ApiAuthenticationProblems() {}

    static void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        ProblemResponses.write(
                response,
                ProblemType.UNAUTHORIZED.problem(
                        "Send a valid API key as 'Authorization: Bearer cnp_…'. Create keys under Settings › API keys."));
    }

    static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemResponses.write(response, ProblemType.FORBIDDEN.problem("This API key's scope does not allow that."));
    }
}
