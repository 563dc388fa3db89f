package dev.canopy.platform.db;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Canopy runs on PostgreSQL: the embedded one ({@code canopy.embedded-postgres.enabled}, the demo and the tests) or
 * a server named by {@code spring.datasource.url} (production). With neither, Canopy stops before anything starts,
 * and {@link DatabaseRequiredFailureAnalyzer} says in one line what to do, instead of Spring's DataSource failure
 * (which suggests H2 or HSQL). Registered in {@code META-INF/spring.factories}, after the logging system is set up.
 */
class DatabaseRequired implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String EMBEDDED = "canopy.embedded-postgres.enabled";
    static final String URL = "spring.datasource.url";

    /** No database is configured. */
    static class NoDatabaseConfigured extends IllegalStateException {
        NoDatabaseConfigured() {
            super("Neither " + EMBEDDED + "=true nor " + URL + " is set");
        }
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        boolean embedded = environment.getProperty(EMBEDDED, Boolean.class, false);
        String url = environment.getProperty(URL);
        if (!embedded && (url == null || url.isBlank())) {
            throw new NoDatabaseConfigured();
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
