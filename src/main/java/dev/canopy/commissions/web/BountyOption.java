package dev.canopy.commissions.web;

import dev.canopy.commissions.Bounties;
import dev.canopy.programs.Tiers;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A bounty rule as the grant form offers it: "Launch bonus — 500 EUR (Gold: 750 EUR; partners at Gold)". */
record BountyOption(UUID id, String label) {

    static BountyOption of(Bounties.BountyRule b, Tiers tiers) {
        String currency = b.program().reward().currency();
        RuleRow row = RuleRow.of(List.of(b.rule()), tiers.tiers(b.program().id()), currency)
                .getFirst();
        List<String> more = new ArrayList<>(row.overrides());
        more.addAll(row.conditions());
        return new BountyOption(
                b.rule().id(),
                b.rule().name() + " — "
                        + b.rule().flatAmount().stripTrailingZeros().toPlainString() + " " + currency
                        + (more.isEmpty() ? "" : " (" + String.join("; ", more) + ")"));
    }
}
