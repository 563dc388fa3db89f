package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A customer reads the same on the events list, the customers page and a commission's source. */
class CustomersAreNamedOneWayEverywhere {

    @Test
    void byNameThenEmailThenTheVendorsId() {
        assertThat(row("Acme Corp", "buyer@acme.example", "cus_1").label()).isEqualTo("Acme Corp");
        assertThat(row("  ", "buyer@acme.example", "cus_1").label()).isEqualTo("buyer@acme.example");
        assertThat(row(null, null, "cus_1").label()).isEqualTo("cus_1");
        assertThat(row(null, null, null).label()).isNull();
    }

    private static CustomerTable.Row row(String name, String email, String externalId) {
        return new CustomerTable.Row(
                UUID.randomUUID(), externalId, email, name, null, null, "ACTIVE", null, null, null, null, null, null);
    }
}
