package dev.canopy.ledger;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;

/** The sum of an account's postings (for a partner account, that partner's), in one currency. */
public record Balance(Account account, PartnerId partner, Money amount) {}
