package dev.canopy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.modulith.Modulithic;

/**
 * Canopy: one deployable, one application module per business capability (see {@code ModularityTests}). Boot's
 * default user (an in-memory one with a generated password) is left out: staff and partners sign in through their
 * own filter chains (identity's {@code SecurityConfiguration}).
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@Modulithic(sharedModules = "shared")
public class CanopyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CanopyApplication.class, args);
    }
}
