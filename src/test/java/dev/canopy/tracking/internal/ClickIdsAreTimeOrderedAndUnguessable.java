package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Click ids drawn from buffered random bytes are still version 7, time first, and never repeat. */
class ClickIdsAreTimeOrderedAndUnguessable {

    @Test
    void everyIdCarriesItsMillisecondAndFreshRandomBits() {
        long millis = 1_795_000_000_123L;
        Set<UUID> seen = new HashSet<>();
        Set<Long> randomHighBits = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = ClickIds.next(millis + i / 1_000);
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis + i / 1_000);
            assertThat(seen.add(id)).as("id %d repeats", i).isTrue();
            randomHighBits.add(id.getMostSignificantBits() & 0x0FFFL);
        }
        assertThat(randomHighBits)
                .as("all 4,096 values of the 12 random bits after the time")
                .hasSize(4_096);
    }
}
