package dev.canopy.payouts.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shape checks for bank details, so a mistyped IBAN or BIC is caught when the file is made rather than when
 * the bank returns the payment days later. The bank still has the last word.
 */
public final class BankDetails {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private BankDetails() {}

    /** An IBAN as printed on paper ("de89 3704 0044 0532 0130 00") in its electronic form. */
    public static String compactIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** ISO 13616: the right shape, and mod 97 of the rearranged digits is 1. */
    public static boolean isIban(String compact) {
        if (!IBAN.matcher(compact).matches()) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.digit(c, 36);
            remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
        }
        return remainder == 1;
    }

    public static boolean isBic(String bic) {
        return BIC.matcher(bic.toUpperCase(Locale.ROOT)).matches();
    }

    static boolean isCountry(String code) {
        return COUNTRIES.contains(code.toUpperCase(Locale.ROOT));
    }
}
