package dev.canopy.campaigns.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * A campaign message's links are opened from a mail client, by no one signed in: no session is read or made, and the
 * one-click unsubscribe POST (RFC 8058) carries no CSRF token. Nothing under {@code /campaigns} trusts a cookie; the
 * recipient's unguessable token is the only proof, as a share link's is.
 */
@Configuration
class CampaignLinksSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain campaignLinks(HttpSecurity http) throws Exception {
        http.securityMatcher("/campaigns/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(c -> c.disable()) // no cookie authenticates anything under /campaigns
                .requestCache(c -> c.disable());
        return http.build();
    }
}
