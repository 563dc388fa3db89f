package dev.canopy.tracking.web;

import dev.canopy.tracking.internal.Redirector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

    /** First in line for /r/*, ahead of sessions and security, which a redirect has no use for. */
    @Bean
    FilterRegistrationBean<RedirectFilter> linkRedirect(Redirector redirector) {
        FilterRegistrationBean<RedirectFilter> registration =
                new FilterRegistrationBean<>(new RedirectFilter(redirector));
        registration.addUrlPatterns(Redirector.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("linkRedirect");
        return registration;
    }

    /** The dedicated listener, when a port is configured (0 picks a free one). */
    @Bean
    @ConditionalOnProperty(name = "canopy.tracking.redirect-port")
    RedirectServer redirectServer(
            Redirector redirector,
            @Value("${canopy.tracking.redirect-port}") int port,
            @Value("${canopy.tracking.redirect-trust-forwarded-for:false}") boolean trustForwardedFor,
            @Value("${canopy.tracking.redirect-loops:#{null}}") Integer loops,
            @Value("${" + RedirectTransport.SETTING + ":auto}") String transport) {
        return new RedirectServer(
                redirector,
                port,
                trustForwardedFor,
                loops != null
                        ? loops
                        : RedirectServer.defaultLoops(Runtime.getRuntime().availableProcessors()),
                RedirectTransport.fromSetting(transport));
    }
}
