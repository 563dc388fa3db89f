package dev.canopy.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.partners.PartnerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {

    private final PartnerId alpha = new PartnerId(UUID.randomUUID());
    private final PartnerId beta = new PartnerId(UUID.randomUUID());
    private final PartnerId gamma = new PartnerId(UUID.randomUUID());

    @Test
    void leadsAreSharedInProportionToWeight() {
        Map<PartnerId, Integer> weights = Map.of(alpha, 3, beta, 1, gamma, 0);
        Map<PartnerId, Integer> offered = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            List<RoutingPolicy.Candidate> candidates = new ArrayList<>();
            weights.forEach((p, w) -> candidates.add(new RoutingPolicy.Candidate(
                    p, p == alpha ? "Alpha" : p == beta ? "Beta" : "Gamma", w, offered.getOrDefault(p, 0))));
            PartnerId chosen = RoutingPolicy.choose(candidates).orElseThrow().partner();
            offered.merge(chosen, 1, Integer::sum);
        }
        assertThat(offered).containsEntry(alpha, 30).containsEntry(beta, 10).doesNotContainKey(gamma);
    }

    @Test
    void tiesGoByNameAndNobodyWithWeightZeroIsChosen() {
        assertThat(RoutingPolicy.choose(List.of(
                                new RoutingPolicy.Candidate(beta, "Beta", 1, 0),
                                new RoutingPolicy.Candidate(alpha, "Alpha", 1, 0)))
                        .orElseThrow()
                        .partner())
                .isEqualTo(alpha);
        assertThat(RoutingPolicy.choose(List.of(new RoutingPolicy.Candidate(alpha, "Alpha", 0, 0))))
                .isEmpty();
    }
}
