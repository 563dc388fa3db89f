package dev.canopy.tracking.web;

import dev.canopy.tracking.internal.ClickWriter;
import dev.canopy.tracking.internal.LinkCache;
import dev.canopy.tracking.internal.RecentVisitors;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class RedirectConfiguration {

    /** First in line for /r/*, ahead of sessions and security, which a redirect has no use for. */
    @Bean
    FilterRegistrationBean<RedirectFilter> linkRedirect(
            LinkCache links, RecentVisitors visitors, ClickWriter writer, Clock clock) {
        FilterRegistrationBean<RedirectFilter> registration =
                new FilterRegistrationBean<>(new RedirectFilter(links, visitors, writer, clock));
        registration.addUrlPatterns(RedirectFilter.PREFIX + "*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("linkRedirect");
        return registration;
    }
}
