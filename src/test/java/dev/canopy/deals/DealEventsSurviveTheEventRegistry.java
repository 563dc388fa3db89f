package dev.canopy.deals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listeners in other modules receive deals' events through the JDBC event publication registry, which
 * stores them as JSON: each event reads back equal to what was published.
 */
@CanopyTest
class DealEventsSurviveTheEventRegistry {

    @Autowired
    JsonMapper json;

    @Test
    void everyEventReadsBackEqual() {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        PartnerId partner = PartnerId.random();
        ProgramId program = ProgramId.random();
        DealId deal = new DealId(UUID.randomUUID());
        Instant now = Instant.parse("2026-11-21T10:15:30.123456Z");
        List<Object> events = List.of(
                new DealRegistrationApproved(
                        workspace, deal, partner, program, "Acme", "acme.co.uk", now, now.plusSeconds(86_400)),
                new DealRegistrationEnded(
                        workspace, deal, partner, program, "acme.co.uk", DealStatus.EXPIRED, "ended", now),
                new DealWon(
                        workspace,
                        deal,
                        partner,
                        program,
                        "Acme",
                        "acme.co.uk",
                        Money.of("1200000.50", "INR"),
                        RevenueBasis.FIRST_YEAR_CONTRACT_VALUE,
                        List.of("Cloud"),
                        Sourcing.SOURCED,
                        now),
                new DealSourcingChanged(workspace, deal, partner, Sourcing.INFLUENCED, "CRM had it", now));
        for (Object event : events) {
            assertThat(json.readValue(json.writeValueAsString(event), event.getClass()))
                    .isEqualTo(event);
        }
    }
}
