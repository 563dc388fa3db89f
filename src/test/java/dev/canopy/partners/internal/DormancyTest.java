package dev.canopy.partners.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DormancyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void anActivePartnerWithNothingForTheWholePeriodIsDormant() {
        assertThat(Dormancy.dormant(
                        PartnerStatus.ACTIVE, NOW.minus(Duration.ofDays(61)), NOW.minus(Duration.ofDays(400)), NOW, 60))
                .isTrue();
        assertThat(Dormancy.dormant(
                        PartnerStatus.ACTIVE, NOW.minus(Duration.ofDays(59)), NOW.minus(Duration.ofDays(400)), NOW, 60))
                .isFalse();
    }

    @Test
    void withoutAnyActivityItCountsFromWhenThePartnerWasAdded() {
        assertThat(Dormancy.dormant(PartnerStatus.ACTIVE, null, NOW.minus(Duration.ofDays(10)), NOW, 60))
                .isFalse();
        assertThat(Dormancy.dormant(PartnerStatus.ACTIVE, null, NOW.minus(Duration.ofDays(90)), NOW, 60))
                .isTrue();
    }

    @Test
    void onlyActivePartnersCanBeDormant() {
        for (PartnerStatus status : PartnerStatus.values()) {
            boolean dormant = Dormancy.dormant(status, null, NOW.minus(Duration.ofDays(900)), NOW, 60);
            assertThat(dormant).as(status.name()).isEqualTo(status == PartnerStatus.ACTIVE);
        }
    }
}
