package dev.canopy.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.canopy.platform.ReplicaReads;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Reports read from a replica when {@code canopy.analytics.datasource.url} is set (with {@code .username}, {@code
 * .password} and {@code .maximum-pool-size}, 5 by default): the main data source is wrapped so that the connections
 * opened for {@link ReplicaReads} come from a read-only pool on the replica, every other one from the main pool.
 * Unset, nothing is wrapped.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaRouting {

    // The URL is read when the data source is made, not when the configuration is parsed, so that it may be known
    // only once the database runs (the tests' embedded server).
    @Bean
    static BeanPostProcessor replicaForReports(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                String url = environment.getProperty("canopy.analytics.datasource.url", "");
                if (!"dataSource".equals(name) || !(bean instanceof DataSource main) || url.isBlank()) {
                    return bean;
                }
                HikariDataSource replica = new HikariDataSource();
                replica.setJdbcUrl(url);
                replica.setUsername(environment.getProperty("canopy.analytics.datasource.username"));
                replica.setPassword(environment.getProperty("canopy.analytics.datasource.password"));
                replica.setMaximumPoolSize(
                        environment.getProperty("canopy.analytics.datasource.maximum-pool-size", Integer.class, 5));
                replica.setReadOnly(true);
                replica.setPoolName("canopy-reports");
                return new Routed(main, replica);
            }
        };
    }

    /** The main data source, with the replica beside it for reports; closing closes both pools. */
    static final class Routed extends DelegatingDataSource implements AutoCloseable {

        private final HikariDataSource replica;

        Routed(DataSource main, HikariDataSource replica) {
            super(main);
            this.replica = replica;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return ReplicaReads.reporting() ? replica.getConnection() : super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return ReplicaReads.reporting()
                    ? replica.getConnection(username, password)
                    : super.getConnection(username, password);
        }

        @Override
        public void close() throws Exception {
            replica.close();
            if (getTargetDataSource() instanceof AutoCloseable main) {
                main.close();
            }
        }
    }
}
