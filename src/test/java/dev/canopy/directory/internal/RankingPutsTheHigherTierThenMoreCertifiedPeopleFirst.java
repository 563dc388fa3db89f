package dev.canopy.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.directory.DirectoryEntry;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The directory's order: tier, then certified people, then name (ignoring case), then id; whatever came first. */
class RankingPutsTheHigherTierThenMoreCertifiedPeopleFirst {

    @Test
    void tierOutranksCertifiedPeopleWhichOutrankTheName() {
        DirectoryEntry goldNone = entry("Zeta", 3, 0);
        DirectoryEntry silverMany = entry("Yak", 2, 9);
        DirectoryEntry silverFewA = entry("alpha", 2, 1);
        DirectoryEntry silverFewB = entry("Beta", 2, 1);
        DirectoryEntry untiered = entry("Aardvark", 0, 50);
        List<DirectoryEntry> shuffled =
                new ArrayList<>(List.of(untiered, silverFewB, goldNone, silverFewA, silverMany));
        shuffled.sort(Ranking.order());
        assertThat(shuffled).containsExactly(goldNone, silverMany, silverFewA, silverFewB, untiered);
    }

    @RepeatedTest(20)
    void theOrderIsTheSameWhateverTheOrderItStartsFrom() {
        Random random = new Random();
        List<DirectoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Few distinct values, so ties happen and the id decides.
            entries.add(entry(
                    List.of("Acme", "acme", "Bolt").get(random.nextInt(3)), random.nextInt(3), random.nextInt(2)));
        }
        List<DirectoryEntry> once = new ArrayList<>(entries);
        once.sort(Ranking.order());
        Collections.shuffle(entries, random);
        entries.sort(Ranking.order());
        assertThat(entries).containsExactlyElementsOf(once);
    }

    private static DirectoryEntry entry(String name, int tierRank, long certified) {
        return new DirectoryEntry(
                new PartnerId(UUID.randomUUID()),
                name,
                name.toLowerCase(),
                true,
                false,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Set.of(PartnerType.RESELLER),
                tierRank == 0 ? null : "Tier " + tierRank,
                tierRank,
                certified,
                List.of(),
                null);
    }
}
