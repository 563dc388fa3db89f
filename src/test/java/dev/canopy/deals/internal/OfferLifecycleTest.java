package dev.canopy.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.LeadOffer.Outcome;
import dev.canopy.testing.Lifecycles;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A lead offer is answered once: accepted, declined or expired, the first answer stands. */
class OfferLifecycleTest {

    @Property
    void anOfferIsAnsweredOnce(@ForAll List<OfferLifecycle> answers) {
        List<Outcome> walk = Lifecycles.walk(Outcome.PENDING, answers);

        assertThat(walk.getLast())
                .isEqualTo(
                        answers.isEmpty() ? Outcome.PENDING : answers.getFirst().to());
    }
}
