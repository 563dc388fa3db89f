package dev.canopy.testing;

import dev.canopy.identity.ApiKeys;
import dev.canopy.identity.Workspaces;
import dev.canopy.identity.security.VendorAccounts;
import dev.canopy.partners.Partners;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    CertificationsForTests certificationsForTests() {
        return new CertificationsForTests();
    }

    @Bean
    SourceApiStub sourceApiStub() {
        return new SourceApiStub();
    }

    @Bean
    WorkspaceRows workspaceRows(JdbcClient db) {
        return new WorkspaceRows(db);
    }

    @Bean
    Fixtures fixtures(
            Workspaces workspaces,
            VendorAccounts vendorAccounts,
            ApiKeys apiKeys,
            JdbcClient db,
            PasswordEncoder encoder,
            MutableClock clock,
            Partners partners) {
        return new Fixtures(workspaces, vendorAccounts, apiKeys, db, encoder, clock, partners);
    }

    @Bean
    OpenApiContract openApiContract(WebApplicationContext context) {
        return new OpenApiContract(context);
    }

    /** Every API exchange of every test is held to the published document. */
    @Bean
    MockMvcBuilderCustomizer everyExchangeKeepsTheContract(OpenApiContract contract) {
        return builder -> builder.alwaysDo(contract);
    }
}
