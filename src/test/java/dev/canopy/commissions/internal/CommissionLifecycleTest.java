package dev.canopy.commissions.internal;

import static dev.canopy.commissions.CommissionStatus.APPROVED;
import static dev.canopy.commissions.CommissionStatus.DECLINED;
import static dev.canopy.commissions.CommissionStatus.HELD;
import static dev.canopy.commissions.CommissionStatus.IN_PAYOUT;
import static dev.canopy.commissions.CommissionStatus.PAID;
import static dev.canopy.commissions.CommissionStatus.PENDING;
import static dev.canopy.commissions.CommissionStatus.RECORDED;
import static dev.canopy.commissions.CommissionStatus.REVERSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.commissions.CommissionStatus;
import dev.canopy.testing.Lifecycles;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A commission's lifecycle: money is paid only through a payout run, and what is final stays final. */
class CommissionLifecycleTest {

    private static final EnumSet<CommissionStatus> FINAL = EnumSet.of(PAID, DECLINED, REVERSED, RECORDED);

    @Test
    void theMovesAreTheOnesFinanceAndPayoutRunsMake() {
        assertThat(CommissionLifecycle.APPROVE.from()).containsExactlyInAnyOrder(PENDING, HELD);
        assertThat(CommissionLifecycle.APPROVE_DUE.from())
                .as("a held one waits for review")
                .containsExactly(PENDING);
        assertThat(CommissionLifecycle.HOLD.allows(APPROVED))
                .as("an approved one is owed: declined, not held")
                .isFalse();
        assertThat(CommissionLifecycle.DECLINE_APPROVED.from()).containsExactly(APPROVED);
        assertThat(CommissionLifecycle.REVERSE.allows(IN_PAYOUT))
                .as("a refund after the claim claws back")
                .isFalse();
        assertThat(CommissionLifecycle.PAY.from()).containsExactly(IN_PAYOUT);
        assertThat(CommissionLifecycle.CLAIM.to()).isEqualTo(IN_PAYOUT);
        assertThat(CommissionLifecycle.CARRY.to()).isEqualTo(APPROVED);
        for (CommissionLifecycle command : CommissionLifecycle.values()) {
            assertThat(command.from()).as("%s moves nothing final", command).doesNotContainAnyElementsOf(FINAL);
        }
    }

    @Property
    void paidOnlyThroughAPayoutAndFinalStatesStay(
            @ForAll("starts") CommissionStatus start, @ForAll("commands") List<CommissionLifecycle> commands) {
        List<CommissionStatus> walk = Lifecycles.walk(start, commands);
        for (int i = 1; i < walk.size(); i++) {
            CommissionStatus before = walk.get(i - 1);
            CommissionStatus after = walk.get(i);
            if (FINAL.contains(before)) {
                assertThat(after).as("after %s", before).isEqualTo(before);
            }
            if (after == PAID && before != PAID) {
                assertThat(before).isEqualTo(IN_PAYOUT);
            }
            if (after == IN_PAYOUT && before != IN_PAYOUT) {
                assertThat(before).as("a run claims approved money only").isEqualTo(APPROVED);
            }
        }
    }

    @Provide
    Arbitrary<CommissionStatus> starts() {
        return Arbitraries.of(PENDING, HELD, APPROVED, RECORDED);
    }

    @Provide
    Arbitrary<List<CommissionLifecycle>> commands() {
        return Arbitraries.of(CommissionLifecycle.class).list().ofMaxSize(15);
    }
}
