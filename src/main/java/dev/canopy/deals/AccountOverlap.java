package dev.canopy.deals;

import org.jspecify.annotations.Nullable;

/**
 * An account on both lists, seen from one side: {@code mine} is the viewer's record, {@code theirs} the
 * other side's. {@code coSell} says who can help whom: the other side's customer that is our open
 * opportunity ({@link CoSell#THEY_CAN_HELP}), or the other way round.
 */
public record AccountOverlap(
        MappedAccount mine, MappedAccount theirs, @Nullable CoSell coSell) {

    public enum CoSell {
        THEY_CAN_HELP("Their customer, our open opportunity"),
        WE_CAN_HELP("Our customer, their open opportunity");

        private final String label;

        CoSell(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static CoSell coSell(AccountStatus mine, AccountStatus theirs) {
        if (theirs == AccountStatus.CUSTOMER && mine == AccountStatus.OPEN_OPPORTUNITY) {
            return CoSell.THEY_CAN_HELP;
        }
        if (mine == AccountStatus.CUSTOMER && theirs == AccountStatus.OPEN_OPPORTUNITY) {
            return CoSell.WE_CAN_HELP;
        }
        return null;
    }
}
