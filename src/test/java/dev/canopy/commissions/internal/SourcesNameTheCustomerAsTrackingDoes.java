package dev.canopy.commissions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.tracking.AttributionSignal;
import dev.canopy.tracking.ConversionAttributed;
import dev.canopy.tracking.ConversionId;
import dev.canopy.tracking.ConversionKind;
import dev.canopy.tracking.CustomerId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SourcesNameTheCustomerAsTrackingDoes {

    @Test
    void theStatementLineNamesTheCustomerAsTheEventsListDoes() {
        assertThat(CommissionSource.of(sale("Acme Corp"), null).description())
                .isEqualTo("First payment of 100.00 USD by Acme Corp, invoice in_1");
        assertThat(CommissionSource.of(sale(null), null).description())
                .isEqualTo("First payment of 100.00 USD by a customer, invoice in_1");
    }

    /** A first payment by a customer whose email is known; {@code name} is tracking's label for it. */
    private static ConversionAttributed sale(String name) {
        return new ConversionAttributed(
                new WorkspaceId(UUID.randomUUID()),
                new ConversionId(UUID.randomUUID()),
                ConversionKind.SALE,
                new PartnerId(UUID.randomUUID()),
                new ProgramId(UUID.randomUUID()),
                new CustomerId(UUID.randomUUID()),
                "buyer@acme.example",
                name,
                "acme.example",
                "DE",
                Money.of("100", "USD"),
                false,
                true,
                null,
                "in_1",
                null,
                AttributionSignal.CLICK,
                null,
                null,
                Instant.parse("2026-12-01T10:00:00Z"));
    }
}
