package dev.canopy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** Canopy: one deployable, one application module per business capability (see {@code ModularityTests}). */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class CanopyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CanopyApplication.class, args);
    }
}
