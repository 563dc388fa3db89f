package dev.canopy.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.Period;
import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import dev.canopy.tracking.DailyActivity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The dashboard's partner table is the first rows of the full one: whatever the clicks (ties at the cut
 * included), the top {@code limit} rows equal the first {@code limit} of every partner's rows, and names are asked
 * only for the partners that can be among them.
 */
class TallyTopPartnersProperties {

    private static final Currency USD = Currency.getInstance("USD");
    private static final LocalDate DAY = LocalDate.parse("2026-11-18");

    /** Rows sorted through their revenue in minor units, huge amounts included, are sorted as their amounts are. */
    @Property
    void rowsSortByRevenueThenClicksThenName(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 5) Integer> revenues,
            @ForAll @IntRange(min = 0, max = 2) int clickSpread,
            @ForAll boolean huge) {
        List<FunnelReport.PartnerRow> rows = new ArrayList<>();
        for (int i = 0; i < revenues.size(); i++) {
            // Some amounts past a long's range of cents, where the comparison falls back to the amounts themselves.
            BigDecimal amount = BigDecimal.valueOf(revenues.get(i))
                    .multiply(huge && i % 2 == 0 ? new BigDecimal("1e17") : BigDecimal.ONE);
            rows.add(new FunnelReport.PartnerRow(
                    new PartnerId(UUID.randomUUID()),
                    "Partner " + (char) ('A' + (i * 11) % 26),
                    i % (clickSpread + 1),
                    0,
                    0,
                    0,
                    0,
                    Money.of(amount, "USD"),
                    Money.zero(USD)));
        }
        List<FunnelReport.PartnerRow> expected = rows.stream()
                .sorted(Comparator.comparing(
                                (FunnelReport.PartnerRow r) -> r.revenue().amount())
                        .thenComparingLong(FunnelReport.PartnerRow::clicks)
                        .reversed()
                        .thenComparing(FunnelReport.PartnerRow::name))
                .toList();
        assertThat(rows.stream()
                        .map(Tally.Ranked::of)
                        .sorted(Tally.BEST_FIRST)
                        .map(Tally.Ranked::row)
                        .toList())
                .isEqualTo(expected);
    }

    /** Each partner's clicks, from few values so that ties are common (no revenue: clicks decide then names). */
    @Property
    void theTopRowsAreTheFirstOfAllRows(
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 4) Integer> clicks,
            @ForAll @IntRange(min = 1, max = 70) int limit) {
        List<PartnerId> partners = new ArrayList<>();
        Map<PartnerId, String> names = new HashMap<>();
        Tally tally = new Tally(new Period(DAY, DAY), USD, true);
        for (int i = 0; i < clicks.size(); i++) {
            PartnerId partner = new PartnerId(UUID.randomUUID());
            partners.add(partner);
            names.put(partner, "Partner " + (char) ('A' + (i * 7) % 26) + i);
            tally.click(new DailyActivity.ClickDay(null, partner, null, clicks.get(i), 0, 0));
        }
        Set<PartnerId> asked = new HashSet<>();
        List<FunnelReport.PartnerRow> top = tally.partnerRows(
                ids -> {
                    asked.addAll(ids);
                    return ids.stream().collect(Collectors.toMap(id -> id, names::get));
                },
                limit);
        List<FunnelReport.PartnerRow> all = tally.partnerRows(
                ids -> ids.stream().collect(Collectors.toMap(id -> id, names::get)), Integer.MAX_VALUE);

        assertThat(all).hasSize(partners.size());
        assertThat(top).isEqualTo(all.subList(0, Math.min(limit, all.size())));
        assertThat(tally.partnerCount()).isEqualTo(partners.size());
        // Only the rows down to the last place, and those tied with it, are named.
        FunnelReport.PartnerRow last = top.getLast();
        long tiedBelow = all.subList(top.size(), all.size()).stream()
                .filter(r -> r.clicks() == last.clicks())
                .count();
        assertThat(asked).hasSize(top.size() + (int) tiedBelow);
    }
}
