package dev.canopy.imports;

import static org.awaitility.Awaitility.await;

import dev.canopy.commissions.CommissionFixtures;
import dev.canopy.programs.ProgramFixtures;
import dev.canopy.programs.ProgramView;
import dev.canopy.testing.Fixtures;
import dev.canopy.tracking.TrackingSettings;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** What the import tests start from, and how they wait for a run running on its background thread. */
final class ImportFixtures {

    private final ApplicationContext context;
    private final Fixtures fixtures;
    private final Imports imports;

    ImportFixtures(ApplicationContext context) {
        this.context = context;
        this.fixtures = context.getBean(Fixtures.class);
        this.imports = context.getBean(Imports.class);
    }

    /** A programme paying in USD with a tier named Gold, in a workspace whose links may lead to shop.example. */
    ProgramView programmeWithGold(Fixtures.Tenant tenant) {
        ProgramView program = new CommissionFixtures(context).referralProgram(tenant, "USD", 30);
        new ProgramFixtures(context).tier(tenant, program.id(), "Gold", Map.of());
        fixtures.as(
                tenant.owner(), () -> context.getBean(TrackingSettings.class).allowDomain("shop.example"));
        return program;
    }

    /** The run once it has ended. */
    ImportRun finished(Fixtures.Tenant tenant, ImportRun started) {
        UUID id = started.id();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !fixtures.as(tenant.owner(), () -> imports.get(id)).running());
        return fixtures.as(tenant.owner(), () -> imports.get(id));
    }
}
