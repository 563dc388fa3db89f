package dev.canopy.platform.internal;

import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** The one source of "now": tests replace it to travel through hold periods and month ends. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Messages in the current request's language, for what controllers say (flash messages) in the portal. */
    @Bean
    MessageSourceAccessor messages(MessageSource source) {
        return new MessageSourceAccessor(source);
    }
}
