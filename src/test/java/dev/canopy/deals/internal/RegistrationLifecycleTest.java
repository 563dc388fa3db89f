package dev.canopy.deals.internal;

import static dev.canopy.deals.DealStatus.APPROVED;
import static dev.canopy.deals.DealStatus.EXPIRED;
import static dev.canopy.deals.DealStatus.LOST;
import static dev.canopy.deals.DealStatus.PENDING;
import static dev.canopy.deals.DealStatus.REJECTED;
import static dev.canopy.deals.DealStatus.WON;
import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.DealStatus;
import dev.canopy.testing.Lifecycles;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A deal registration's lifecycle as the programme rules describe it, and what no sequence of commands can do. */
class RegistrationLifecycleTest {

    @Test
    void eachCommandMovesFromTheStatesItShouldAndNoOthers() {
        Map<RegistrationLifecycle, Map.Entry<EnumSet<DealStatus>, DealStatus>> expected = Map.of(
                RegistrationLifecycle.APPROVE, Map.entry(EnumSet.of(PENDING), APPROVED),
                RegistrationLifecycle.REJECT, Map.entry(EnumSet.of(PENDING), REJECTED),
                RegistrationLifecycle.MOVE_STAGE, Map.entry(EnumSet.of(APPROVED), APPROVED),
                RegistrationLifecycle.EXTEND, Map.entry(EnumSet.of(APPROVED), APPROVED),
                RegistrationLifecycle.WIN, Map.entry(EnumSet.of(APPROVED), WON),
                RegistrationLifecycle.LOSE, Map.entry(EnumSet.of(APPROVED), LOST),
                RegistrationLifecycle.EXPIRE, Map.entry(EnumSet.of(APPROVED), EXPIRED),
                RegistrationLifecycle.RECLASSIFY, Map.entry(EnumSet.of(WON), WON));
        assertThat(EnumSet.allOf(RegistrationLifecycle.class)).isEqualTo(expected.keySet());
        for (RegistrationLifecycle command : RegistrationLifecycle.values()) {
            for (DealStatus status : DealStatus.values()) {
                assertThat(command.allows(status))
                        .as("%s from %s", command, status)
                        .isEqualTo(expected.get(command).getKey().contains(status));
            }
            assertThat(command.to())
                    .as("%s", command)
                    .isEqualTo(expected.get(command).getValue());
        }
    }

    @Property
    void rejectedExpiredAndLostAreFinalAndAWonDealStaysWon(@ForAll("commands") List<RegistrationLifecycle> commands) {
        List<DealStatus> walk = Lifecycles.walk(PENDING, commands);
        for (int i = 1; i < walk.size(); i++) {
            DealStatus before = walk.get(i - 1);
            if (EnumSet.of(REJECTED, EXPIRED, LOST, WON).contains(before)) {
                assertThat(walk.get(i)).as("after %s", before).isEqualTo(before);
            }
            if (walk.get(i) == WON && before != WON) {
                assertThat(before).as("only a protected registration is won").isEqualTo(APPROVED);
            }
        }
    }

    @Provide
    Arbitrary<List<RegistrationLifecycle>> commands() {
        return Arbitraries.of(RegistrationLifecycle.class).list().ofMaxSize(12);
    }
}
