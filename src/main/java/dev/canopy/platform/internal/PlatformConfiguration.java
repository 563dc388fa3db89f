package dev.canopy.platform.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PlatformConfiguration {

    /** The one source of "now": tests replace it to travel through hold periods and month ends. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
