package dev.canopy.ledger;

import dev.canopy.partners.PartnerId;
import dev.canopy.shared.Money;
import java.util.Objects;
import java.util.UUID;

/**
 * One posting of an entry: a debit (positive) or credit (negative) on an account, about {@code ref} (a
 * commission, a payout line) — a neutral reference rather than a column per module. The vendor's
 * accounts may name the partner a leg was for too (tax withheld from it, say), for reports per partner.
 */
public record Leg(Account account, PartnerId partner, Money amount, UUID ref) {

    public Leg {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (account.perPartner() && partner == null) {
            throw new IllegalArgumentException(account + " is kept per partner");
        }
    }

    public static Leg debit(Account account, PartnerId partner, Money amount, UUID ref) {
        return new Leg(account, partner, amount, ref);
    }

    public static Leg credit(Account account, PartnerId partner, Money amount, UUID ref) {
        return new Leg(account, partner, amount.negate(), ref);
    }
}
