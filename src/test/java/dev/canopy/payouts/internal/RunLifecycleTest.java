package dev.canopy.payouts.internal;

import static dev.canopy.payouts.PayoutRunStatus.APPROVED;
import static dev.canopy.payouts.PayoutRunStatus.AWAITING_APPROVAL;
import static dev.canopy.payouts.PayoutRunStatus.CLAIMING;
import static dev.canopy.payouts.PayoutRunStatus.EXPORTED;
import static dev.canopy.payouts.PayoutRunStatus.NOTHING_TO_PAY;
import static dev.canopy.payouts.PayoutRunStatus.PAID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.payouts.PayoutRunStatus;
import dev.canopy.testing.Lifecycles;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A payout run's phases only ever go forward, one at a time: a phase repeated after a crash moves nothing. */
class RunLifecycleTest {

    private static final List<PayoutRunStatus> ORDER = List.of(CLAIMING, AWAITING_APPROVAL, APPROVED, EXPORTED, PAID);

    @Test
    void eachPhaseMovesFromTheOneBefore() {
        assertThat(RunLifecycle.CLAIMED.from()).containsExactly(CLAIMING);
        assertThat(RunLifecycle.NOTHING_CLAIMED.to()).isEqualTo(NOTHING_TO_PAY);
        assertThat(RunLifecycle.APPROVE.from()).containsExactly(AWAITING_APPROVAL);
        assertThat(RunLifecycle.EXPORT.from()).containsExactly(APPROVED);
        assertThat(RunLifecycle.PAY.from()).containsExactly(EXPORTED);
        assertThat(RunLifecycle.PAY.allows(APPROVED))
                .as("never paid before it is exported")
                .isFalse();
    }

    @Property
    void phasesGoForwardOneStepAtATime(@ForAll("commands") List<RunLifecycle> commands) {
        List<PayoutRunStatus> walk = Lifecycles.walk(CLAIMING, commands);
        for (int i = 1; i < walk.size(); i++) {
            PayoutRunStatus before = walk.get(i - 1);
            PayoutRunStatus after = walk.get(i);
            if (before == NOTHING_TO_PAY || after == NOTHING_TO_PAY) {
                assertThat(before).isIn(CLAIMING, NOTHING_TO_PAY);
                continue;
            }
            int step = ORDER.indexOf(after) - ORDER.indexOf(before);
            assertThat(step).as("%s → %s", before, after).isBetween(0, 1);
        }
    }

    @Provide
    Arbitrary<List<RunLifecycle>> commands() {
        return Arbitraries.of(RunLifecycle.class).list().ofMaxSize(12);
    }
}
