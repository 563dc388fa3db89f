package dev.canopy.programs.web;

import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.programs.Memberships;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.PartnerScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A partner user whose company has not accepted the current terms of one of its programmes sees those
 * terms before anything else in the portal. Signing in, joining, signing out and the terms pages
 * themselves stay open.
 */
@Configuration(proxyBeanMethods = false)
class TermsGate implements WebMvcConfigurer {

    private final CurrentWorkspace currentWorkspace;
    private final Memberships memberships;

    TermsGate(CurrentWorkspace currentWorkspace, Memberships memberships) {
        this.currentWorkspace = currentWorkspace;
        this.memberships = memberships;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                            throws IOException {
                        return letThrough(request, response);
                    }
                })
                .addPathPatterns("/portal/**")
                .excludePathPatterns("/portal/login", "/portal/logout", "/portal/join/**", "/portal/programs/*/terms");
    }

    private boolean letThrough(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!(currentWorkspace.principal().orElse(null) instanceof PartnerScoped)) {
            return true;
        }
        List<ProgramId> pending = memberships.pendingTerms();
        if (pending.isEmpty()) {
            return true;
        }
        response.sendRedirect(request.getContextPath() + "/portal/programs/" + pending.getFirst() + "/terms");
        return false;
    }
}
