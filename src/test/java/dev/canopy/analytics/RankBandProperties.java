package dev.canopy.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Rank bands over any number of active partners: better never means a lower band, and the shares hold. */
class RankBandProperties {

    @Property
    void aBetterPlaceNeverHasALowerBand(@ForAll @IntRange(min = 1, max = 500) int active) {
        for (int i = 1; i < active; i++) {
            assertThat(RankBand.of(i - 1, active).ordinal())
                    .isLessThanOrEqualTo(RankBand.of(i, active).ordinal());
        }
        assertThat(RankBand.of(0, active)).isEqualTo(RankBand.TOP_10);
        long top10 = IntStream.range(0, active)
                .filter(i -> RankBand.of(i, active) == RankBand.TOP_10)
                .count();
        long topHalf = IntStream.range(0, active)
                .filter(i -> RankBand.of(i, active).ordinal() <= RankBand.TOP_HALF.ordinal())
                .count();
        assertThat(top10).isEqualTo((long) Math.ceil(active * 0.10));
        assertThat(topHalf).isEqualTo((long) Math.ceil(active * 0.5));
        assertThat(RankBand.of(-1, active)).isEqualTo(RankBand.NO_ACTIVITY);
    }
}
