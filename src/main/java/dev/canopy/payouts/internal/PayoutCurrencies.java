package dev.canopy.payouts.internal;

import dev.canopy.commissions.ExchangeRate;
import dev.canopy.commissions.ExchangeRates;
import dev.canopy.identity.Workspaces;
import dev.canopy.partners.PartnerId;
import dev.canopy.payouts.PayoutProfile;
import dev.canopy.shared.Money;
import dev.canopy.shared.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which currency each partner of a run is paid in (its payout currency, else the one it earned) and the rate
 * into it: the latest on or before the run's last day — the day before a monthly run's cutoff at midnight, today
 * for a run started now — in the workspace's time zone, looked up through {@link ExchangeRates}.
 */
@Component
class PayoutCurrencies {

    private final ProfileTable profiles;
    private final ExchangeRates rates;
    private final Workspaces workspaces;

    PayoutCurrencies(ProfileTable profiles, ExchangeRates rates, Workspaces workspaces) {
        this.profiles = profiles;
        this.rates = rates;
        this.workspaces = workspaces;
    }

    /** The currencies and rates of a run whose commissions were approved up to {@code cutoff}. */
    Run of(WorkspaceId workspace, List<PartnerId> partners, Instant cutoff) {
        Map<PartnerId, Currency> wanted = new HashMap<>();
        for (PayoutProfile p : profiles.payouts(workspace, partners)) {
            if (p.payoutCurrency() != null) {
                wanted.put(p.partner(), Money.currency(p.payoutCurrency(), "payoutCurrency"));
            }
        }
        ZoneId zone =
                workspaces.byId(workspace).map(w -> ZoneId.of(w.timezone())).orElse(ZoneId.of("UTC"));
        return new Run(workspace, wanted, LocalDate.ofInstant(cutoff.minusNanos(1), zone));
    }

    /** One run's view: each pair of currencies is looked up once. */
    final class Run implements TaxCalculator.Rates {

        private final WorkspaceId workspace;
        private final Map<PartnerId, Currency> wanted;
        private final LocalDate day;
        private final Map<List<Currency>, Optional<ExchangeRate>> found = new HashMap<>();

        private Run(WorkspaceId workspace, Map<PartnerId, Currency> wanted, LocalDate day) {
            this.workspace = workspace;
            this.wanted = wanted;
            this.day = day;
        }

        /** The currency {@code partner} is paid its {@code earned} money in. */
        Currency paidIn(PartnerId partner, Currency earned) {
            return wanted.getOrDefault(partner, earned);
        }

        @Override
        public Optional<ExchangeRate> rate(Currency from, Currency to) {
            return found.computeIfAbsent(List.of(from, to), k -> rates.latest(workspace, from, to, day));
        }

        /** Why a line waits: "No EUR→INR exchange rate on or before 2026-10-31: add one …". */
        @Override
        public String noRate(Currency from, Currency to) {
            return "No " + from + "→" + to + " exchange rate on or before " + day
                    + ": add one under Exchange rates and the next run pays it";
        }
    }
}
