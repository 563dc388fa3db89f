package dev.canopy.webhooks.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP side of deliveries; {@code canopy.webhooks.allowed-ranges} lets an operator open private ranges. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    Destinations destinations(@Value("${canopy.webhooks.allowed-ranges:}") List<String> allowedRanges) {
        return new Destinations(allowedRanges.stream().filter(r -> !r.isBlank()).toList());
    }

    @Bean
    Sender sender(Destinations destinations, Clock clock) {
        return new Sender(destinations, clock);
    }
}
