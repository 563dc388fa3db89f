package dev.canopy.tracking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import dev.canopy.programs.ProgramId;
import dev.canopy.tracking.AttributionSignal;
import dev.canopy.tracking.internal.AttributionPolicy.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class AttributionPolicyTest {

    private static final List<PartnerId> PARTNERS = List.of(partner(), partner(), partner());
    private static final ProgramId PROGRAM = new ProgramId(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void theStrongestSignalWinsWhateverTheOrderTheyCameIn(
            @ForAll @Size(min = 1, max = 8) List<@From("candidates") Candidate> signals) {
        List<AttributionPolicy.Candidate> shuffled = new ArrayList<>(signals);
        Collections.shuffle(shuffled);

        AttributionPolicy.Decision decision = AttributionPolicy.decide(Optional.empty(), shuffled, "none");

        AttributionSignal strongest = signals.stream()
                .map(AttributionPolicy.Candidate::signal)
                .min(Enum::compareTo)
                .orElseThrow();
        assertThat(decision.outcome()).isEqualTo(AttributionPolicy.Outcome.ATTRIBUTED);
        assertThat(decision.evidence().signal()).isEqualTo(strongest);
        assertThat(decision).isEqualTo(AttributionPolicy.decide(Optional.empty(), signals, "none"));
        Instant latestOfStrongest = signals.stream()
                .filter(c -> c.signal() == strongest)
                .map(AttributionPolicy.Candidate::at)
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(decision.evidence().at()).isEqualTo(latestOfStrongest);
    }

    @Property
    void anAttributedCustomerNeverMovesWithoutTakeover(
            @ForAll @Size(max = 8) List<@From("candidates") Candidate> signals) {
        AttributionPolicy.Current owner = new AttributionPolicy.Current(PARTNERS.getFirst(), PROGRAM, T0, false);

        AttributionPolicy.Decision decision = AttributionPolicy.decide(Optional.of(owner), signals, "none");

        assertThat(decision.outcome()).isEqualTo(AttributionPolicy.Outcome.KEPT);
        assertThat(decision.partner()).isEqualTo(PARTNERS.getFirst());
    }

    @Property
    void withTakeoverOnlyANewerSignalOfAnotherPartnerMovesTheCustomer(
            @ForAll @Size(max = 8) List<@From("candidates") Candidate> signals) {
        Instant since = T0.plusSeconds(3600 * 12);
        AttributionPolicy.Current owner = new AttributionPolicy.Current(PARTNERS.getFirst(), PROGRAM, since, true);

        AttributionPolicy.Decision decision = AttributionPolicy.decide(Optional.of(owner), signals, "none");

        if (decision.outcome() == AttributionPolicy.Outcome.TAKEN_OVER) {
            assertThat(decision.partner()).isNotEqualTo(PARTNERS.getFirst());
            assertThat(decision.evidence().at()).isAfter(since);
        } else {
            assertThat(decision.partner()).isEqualTo(PARTNERS.getFirst());
        }
    }

    @Provide
    Arbitrary<AttributionPolicy.Candidate> candidates() {
        return Combinators.combine(
                        Arbitraries.of(AttributionSignal.class),
                        Arbitraries.of(PARTNERS),
                        Arbitraries.longs().between(0, 86_400))
                .as((signal, partner, seconds) -> new AttributionPolicy.Candidate(
                        signal, partner, PROGRAM, T0.plusSeconds(seconds), UUID.randomUUID(), null, null));
    }

    private static PartnerId partner() {
        return new PartnerId(UUID.randomUUID());
    }
}
