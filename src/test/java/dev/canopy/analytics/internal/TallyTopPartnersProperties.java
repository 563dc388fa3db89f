package dev.canopy.analytics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.analytics.FunnelReport;
import dev.canopy.analytics.Period;
import dev.canopy.partners.PartnerId;
import dev.canopy.tracking.DailyActivity;
import java.time.LocalDate;
import java.util.ArrayList;
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
