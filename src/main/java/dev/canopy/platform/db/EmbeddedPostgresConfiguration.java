package dev.canopy.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs Canopy on an embedded PostgreSQL when {@code canopy.embedded-postgres.enabled=true} (the demo
 * run and the tests). Production leaves it off and uses the usual {@code spring.datasource.*}. An empty
 * {@code canopy.embedded-postgres.data-dir} means throw-away data shared by every context of the JVM.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "canopy.embedded-postgres.enabled", havingValue = "true")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Closed after the data source (which depends on it), so the server outlives every connection. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer.Lease embeddedPostgres(
            @Value("${canopy.embedded-postgres.data-dir:}") String dataDirectory,
            @Value("${canopy.embedded-postgres.port:0}") int port) {
        Path directory = dataDirectory.isBlank() ? EmbeddedPostgresServer.EPHEMERAL : Path.of(dataDirectory);
        EmbeddedPostgresServer.Lease lease = EmbeddedPostgresServer.lease(directory, port);
        log.info(
                "Embedded PostgreSQL on port {} with {}",
                lease.server().getPort(),
                dataDirectory.isBlank() ? "throw-away data" : "data in " + directory.toAbsolutePath());
        return lease;
    }

    @Bean
    HikariDataSource dataSource(
            EmbeddedPostgresServer.Lease embeddedPostgres,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(embeddedPostgres.server().getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("canopy-embedded");
        return pool;
    }
}
