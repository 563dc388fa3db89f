package dev.canopy.ledger;

import dev.canopy.shared.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A balanced transaction: its legs sum to zero in every currency. {@code key} names what made it
 * ("commission-approved:…", "payout:…"), unique per workspace, so posting it again is a no-op.
 */
public record LedgerEntry(String key, String kind, String memo, Instant occurredAt, List<Leg> legs) {

    public LedgerEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // Zero legs say nothing; a capped-to-zero commission posts no entry at all.
        legs = legs.stream().filter(leg -> !leg.amount().isZero()).toList();
        Map<Currency, Money> totals =
                legs.stream().map(Leg::amount).collect(Collectors.toMap(Money::currency, m -> m, Money::plus));
        totals.values().stream().filter(total -> !total.isZero()).findAny().ifPresent(total -> {
            throw new IllegalArgumentException("Entry " + key + " does not balance: " + total);
        });
    }

    public boolean isEmpty() {
        return legs.isEmpty();
    }
}
