package dev.canopy.ledger;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;

/** What entries of one kind moved on one account, per partner and currency — the reconciliation's input. */
public record KindTotal(PartnerId partner, String kind, Account account, Money amount) {}
