package dev.canopy.identity.security;

import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Permission;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API requests by {@code Authorization: Bearer <key>}. No key, or a bad one, stays anonymous. */
// Built by SecurityConfiguration, not a bean: as a bean Boot would also run it on every path.
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            apiKeys.authenticate(header.substring(7).strip()).ifPresent(key -> {
                ApiKeyPrincipal principal =
                        new ApiKeyPrincipal(key.id(), key.name(), key.workspaceId(), key.scope(), key.createdBy());
                List<GrantedAuthority> authorities = new ArrayList<>();
                authorities.add(new SimpleGrantedAuthority("ROLE_API"));
                for (Permission permission : key.scope().permissions()) {
                    authorities.add(new SimpleGrantedAuthority(permission.authority()));
                }
                SecurityContextHolder.getContext()
                        .setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
            });
        }
        chain.doFilter(request, response);
    }
}
