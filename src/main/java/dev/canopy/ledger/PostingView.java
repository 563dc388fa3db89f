package dev.canopy.ledger;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.time.Instant;

/** One posting with its entry's kind and memo, for a commission's or payout line's history. */
public record PostingView(
        String kind, String memo, Instant occurredAt, Account account, PartnerId partner, Money amount) {}
