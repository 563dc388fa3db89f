package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Rank bands over any number of active partners: better never means a lower band, and the shares hold. */
class RankBandProperties {

    @Property
    void aBetterPlaceNeverHasALowerBand(@ForAll @IntRange(min = 1, max = 500) int active) {
        List<PartnerId> ranked = IntStream.range(0, active)
                .mapToObj(i -> new PartnerId(UUID.randomUUID()))
                .toList();
        for (int i = 1; i < active; i++) {
            assertThat(RankBand.of(ranked, ranked.get(i - 1)).ordinal())
                    .isLessThanOrEqualTo(RankBand.of(ranked, ranked.get(i)).ordinal());
        }
        assertThat(RankBand.of(ranked, ranked.getFirst())).isEqualTo(RankBand.TOP_10);
        long top10 = ranked.stream()
                .filter(p -> RankBand.of(ranked, p) == RankBand.TOP_10)
                .count();
        long topHalf = ranked.stream()
                .filter(p -> RankBand.of(ranked, p).ordinal() <= RankBand.TOP_HALF.ordinal())
                .count();
        assertThat(top10).isEqualTo((long) Math.ceil(active * 0.10));
        assertThat(topHalf).isEqualTo((long) Math.ceil(active * 0.5));
        assertThat(RankBand.of(ranked, new PartnerId(UUID.randomUUID()))).isEqualTo(RankBand.NO_ACTIVITY);
    }
}
