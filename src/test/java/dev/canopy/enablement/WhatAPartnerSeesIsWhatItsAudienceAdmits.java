package dev.canopy.enablement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.enablement.internal.AssetFields;
import dev.canopy.enablement.internal.AssetSearch;
import dev.canopy.enablement.internal.AssetTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerType;
import dev.canopy.shared.WorkspaceId;
import dev.canopy.testing.CanopyTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestContextManager;

/**
 * The audience rule is written twice, in Java ({@link Audience#admits}, what the forms explain) and in SQL (what
 * lists, search, pages and downloads obey). For random audiences, publishing windows and partners drawn from a
 * small world of programmes, tiers, types, regions and companies (so that matches are frequent), the assets a
 * partner finds in a search, and each one it can open by id, are exactly those that are live and whose audience
 * admits it: no guessed id and no search result shows one more.
 */
@CanopyTest
class WhatAPartnerSeesIsWhatItsAudienceAdmits {

    static final List<UUID> PROGRAMS = ids(3);
    static final List<UUID> TIERS = ids(3);
    static final List<PartnerType> TYPES = List.of(PartnerType.RESELLER, PartnerType.REFERRAL, PartnerType.MSP);
    static final List<String> REGIONS = List.of("EMEA", "APAC", "North America");
    static final List<PartnerId> PARTNERS = ids(3).stream().map(PartnerId::new).toList();
    static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    @Autowired
    AssetTable assets;

    @Autowired
    AssetSearch search;

    record Placed(Audience audience, Instant publishFrom, Instant expireOn, boolean archived) {

        boolean visibleTo(Viewer viewer) {
            return !archived
                    && (publishFrom == null || !NOW.isBefore(publishFrom))
                    && (expireOn == null || NOW.isBefore(expireOn))
                    && audience.admits(viewer);
        }
    }

    @BeforeProperty
    void injectTheSharedContext() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
    }

    @Property(tries = 60)
    void searchAndOpeningAgreeWithTheRule(@ForAll("libraries") List<Placed> library, @ForAll("viewers") Viewer viewer) {
        WorkspaceId workspace = new WorkspaceId(UUID.randomUUID());
        List<UUID> ids =
                library.stream().map(placed -> insert(workspace, placed)).toList();

        Set<UUID> expected = new HashSet<>();
        for (int i = 0; i < library.size(); i++) {
            if (library.get(i).visibleTo(viewer)) {
                expected.add(ids.get(i));
            }
        }
        Set<UUID> found =
                search.searchVisible(workspace, new AssetSearch.Query(null, null, false, 500), viewer, NOW).stream()
                        .map(AssetTable.Row::id)
                        .collect(Collectors.toSet());
        Set<UUID> searched =
                search.searchVisible(workspace, new AssetSearch.Query("guide", null, false, 500), viewer, NOW).stream()
                        .map(AssetTable.Row::id)
                        .collect(Collectors.toSet());
        Set<UUID> opened = ids.stream()
                .filter(id -> search.findVisible(workspace, id, viewer, NOW).isPresent())
                .collect(Collectors.toSet());

        assertThat(found).as("listed").isEqualTo(expected);
        assertThat(searched).as("searched").isEqualTo(expected);
        assertThat(opened).as("opened by id").isEqualTo(expected);
    }

    private UUID insert(WorkspaceId workspace, Placed placed) {
        UUID id = UUID.randomUUID();
        assets.insert(
                workspace,
                new AssetTable.Row(
                        id,
                        new AssetFields(
                                AssetKind.TEXT,
                                "Selling guide " + id,
                                "",
                                "",
                                List.of(),
                                List.of(),
                                List.of(),
                                List.of(),
                                null,
                                "A guide",
                                placed.audience(),
                                placed.publishFrom(),
                                placed.expireOn()),
                        null,
                        null,
                        NOW,
                        NOW,
                        null),
                "");
        if (placed.archived()) {
            assets.archive(workspace, id, NOW);
        }
        return id;
    }

    @Provide
    Arbitrary<List<Placed>> libraries() {
        Arbitrary<Audience> audience = Combinators.combine(
                        Arbitraries.of(Audience.Match.values()),
                        Arbitraries.subsetOf(PROGRAMS),
                        Arbitraries.subsetOf(TIERS),
                        Arbitraries.subsetOf(TYPES),
                        Arbitraries.subsetOf(REGIONS),
                        Arbitraries.subsetOf(PARTNERS))
                .as(Audience::new);
        Arbitrary<Instant> around = Arbitraries.integers()
                .between(-3, 3)
                .map(days -> NOW.plus(Duration.ofDays(days)).minusSeconds(days == 0 ? 0 : 1))
                .injectNull(0.4);
        Arbitrary<Boolean> archived = Arbitraries.integers().between(0, 5).map(i -> i == 0);
        return Combinators.combine(audience, around, around, archived)
                .as(Placed::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(12);
    }

    @Provide
    Arbitrary<Viewer> viewers() {
        return Combinators.combine(
                        Arbitraries.of(PARTNERS),
                        Arbitraries.subsetOf(PROGRAMS),
                        Arbitraries.subsetOf(TIERS),
                        Arbitraries.subsetOf(TYPES),
                        Arbitraries.subsetOf(REGIONS))
                .as(Viewer::new);
    }

    private static List<UUID> ids(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> UUID.randomUUID())
                .toList();
    }
}
