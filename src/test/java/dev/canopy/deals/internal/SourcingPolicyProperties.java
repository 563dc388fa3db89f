package dev.canopy.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.deals.Sourcing;
import dev.canopy.deals.SourcingEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Classification from timestamps over random histories: sourced exactly when some documented action of
 * the partner's came strictly before the vendor's opportunity; the order actions are listed in, actions
 * after the first one, and the kind of action never change the answer.
 */
class SourcingPolicyProperties {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void sourcedExactlyWhenAnActionCameBeforeTheOpportunity(
            @ForAll("actions") List<SourcingEvidence.PartnerAction> actions,
            @ForAll @IntRange(min = -1000, max = 1000) int opportunityMinutes) {
        Instant opened = EPOCH.plus(Duration.ofMinutes(opportunityMinutes));
        boolean anyBefore = actions.stream().anyMatch(a -> a.at().isBefore(opened));

        assertThat(SourcingPolicy.classify(new SourcingEvidence(actions, opened, "test")))
                .isEqualTo(anyBefore ? Sourcing.SOURCED : Sourcing.INFLUENCED);
    }

    @Property
    void theOrderOfTheEvidenceDoesNotMatter(
            @ForAll("actions") List<SourcingEvidence.PartnerAction> actions,
            @ForAll @IntRange(min = -1000, max = 1000) int opportunityMinutes) {
        Instant opened = EPOCH.plus(Duration.ofMinutes(opportunityMinutes));
        List<SourcingEvidence.PartnerAction> shuffled = new ArrayList<>(actions);
        Collections.shuffle(shuffled);

        assertThat(SourcingPolicy.classify(new SourcingEvidence(shuffled, opened, "test")))
                .isEqualTo(SourcingPolicy.classify(new SourcingEvidence(actions, opened, "test")));
    }

    @Property
    void aLaterActionNeverTurnsAnInfluencedDealIntoASourcedOne(
            @ForAll("actions") List<SourcingEvidence.PartnerAction> actions,
            @ForAll @IntRange(min = -1000, max = 1000) int opportunityMinutes,
            @ForAll @IntRange(min = 0, max = 5000) int minutesAfter) {
        Instant opened = EPOCH.plus(Duration.ofMinutes(opportunityMinutes));
        List<SourcingEvidence.PartnerAction> more = new ArrayList<>(actions);
        more.add(new SourcingEvidence.PartnerAction("CLICK", opened.plus(Duration.ofMinutes(minutesAfter)), "late"));

        assertThat(SourcingPolicy.classify(new SourcingEvidence(more, opened, "test")))
                .isEqualTo(SourcingPolicy.classify(new SourcingEvidence(actions, opened, "test")));
    }

    @Property
    void anOpportunityOpenedLaterNeverMakesADealLessTheirs(
            @ForAll("actions") List<SourcingEvidence.PartnerAction> actions,
            @ForAll @IntRange(min = -1000, max = 1000) int opportunityMinutes,
            @ForAll @IntRange(min = 0, max = 5000) int later) {
        Instant opened = EPOCH.plus(Duration.ofMinutes(opportunityMinutes));
        Sourcing before = SourcingPolicy.classify(new SourcingEvidence(actions, opened, "test"));
        Sourcing after =
                SourcingPolicy.classify(new SourcingEvidence(actions, opened.plus(Duration.ofMinutes(later)), "test"));

        if (before == Sourcing.SOURCED) {
            assertThat(after).isEqualTo(Sourcing.SOURCED);
        }
    }

    @Property
    void anActionAtTheSameInstantAsTheOpportunityIsInfluence(@ForAll @IntRange(min = -1000, max = 1000) int minutes) {
        Instant at = EPOCH.plus(Duration.ofMinutes(minutes));
        List<SourcingEvidence.PartnerAction> same =
                List.of(new SourcingEvidence.PartnerAction("REGISTRATION", at, "r"));

        assertThat(SourcingPolicy.classify(new SourcingEvidence(same, at, "test")))
                .isEqualTo(Sourcing.INFLUENCED);
    }

    @Provide
    Arbitrary<List<SourcingEvidence.PartnerAction>> actions() {
        Arbitrary<SourcingEvidence.PartnerAction> action = Combinators.combine(
                        Arbitraries.of("REGISTRATION", "LEAD_ACCEPTED", "CLICK"),
                        Arbitraries.integers().between(-2000, 2000))
                .as((kind, minutes) ->
                        new SourcingEvidence.PartnerAction(kind, EPOCH.plus(Duration.ofMinutes(minutes)), kind));
        return action.list().ofMinSize(0).ofMaxSize(8);
    }
}
