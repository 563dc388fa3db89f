package dev.canopy.deals;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A record the conflict check matched when a registration was written: another registration, one of
 * the vendor's accounts, or a customer known to another module; by the same registrable domain or a
 * similar company name ({@code similarity} 1 for a domain match, the trigram similarity for a name).
 */
public record DealConflict(
        Source source,
        String matchedRef,
        String matchedName,
        @Nullable String matchedDomain,
        String matchedStatus,
        MatchedBy matchedBy,
        BigDecimal similarity) {

    /** The matched record's status in words, as it was when the conflict was found. */
    public String statusLabel() {
        if (matchedStatus == null) {
            return "";
        }
        for (DealStatus s : DealStatus.values()) {
            if (s.name().equals(matchedStatus)) {
                return s.label();
            }
        }
        for (AccountStatus s : AccountStatus.values()) {
            if (s.name().equals(matchedStatus)) {
                return s.label();
            }
        }
        return matchedStatus;
    }

    public enum Source {
        REGISTRATION("Registration"),
        VENDOR_ACCOUNT("Your account list"),
        CUSTOMER("Customer");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum MatchedBy {
        DOMAIN,
        NAME
    }
}
