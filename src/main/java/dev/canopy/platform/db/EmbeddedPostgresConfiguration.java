package dev.canopy.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
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

    @Bean
    DataSource dataSource(
            @Value("${canopy.embedded-postgres.data-dir:}") String dataDirectory,
            @Value("${canopy.embedded-postgres.port:0}") int port,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        EmbeddedPostgres server;
        if (dataDirectory.isBlank()) {
            server = EmbeddedPostgresServer.startEphemeral();
            log.info("Embedded PostgreSQL on port {} with throw-away data", server.getPort());
        } else {
            server = EmbeddedPostgresServer.start(Path.of(dataDirectory), port);
            log.info(
                    "Embedded PostgreSQL on port {} with data in {}",
                    server.getPort(),
                    Path.of(dataDirectory).toAbsolutePath());
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("canopy-embedded");
        return pool;
    }
}
