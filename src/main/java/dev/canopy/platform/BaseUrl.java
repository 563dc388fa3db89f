package dev.canopy.platform;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach this Canopy ({@code canopy.base-url}), for links in emails. Read when a link is
 * made, not at start-up, so it may refer to the port the server only learns once started.
 */
@Component
public class BaseUrl {

    private final Environment environment;

    BaseUrl(Environment environment) {
        this.environment = environment;
    }

    public String link(String path) {
        String base = environment.getRequiredProperty("canopy.base-url");
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
