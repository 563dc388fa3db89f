package dev.canopy.platform.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** What someone who started Canopy without a database reads: how to run the demo, or which settings to set. */
class DatabaseRequiredFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseRequired.NoDatabaseConfigured> {

    static final String MESSAGE = "Canopy needs PostgreSQL: run the demo with `./mvnw spring-boot:run`, or set"
            + " SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (see README).";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseRequired.NoDatabaseConfigured cause) {
        return new FailureAnalysis(
                MESSAGE,
                "For your own PostgreSQL: SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/canopy"
                        + " SPRING_DATASOURCE_USERNAME=canopy SPRING_DATASOURCE_PASSWORD=... java -jar canopy.jar",
                cause);
    }
}
