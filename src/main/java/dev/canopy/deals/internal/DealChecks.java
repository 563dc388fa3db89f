package dev.canopy.deals.internal;

import dev.canopy.deals.NewDeal;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerStatus;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.RegistrableDomain;
import dev.canopy.programs.ProgramId;
import dev.canopy.shared.EmailAddress;
import dev.canopy.shared.InvalidInputException;
import dev.canopy.shared.Money;
import dev.canopy.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Checks a registration field by field, naming every wrong one at once. */
public final class DealChecks {

    static final int MAX_PRODUCTS = 20;

    private DealChecks() {}

    /** {@code programs} are the programmes the partner is a member of. */
    public static RegistrationTable.Checked check(
            NewDeal deal, PartnerId partner, Set<ProgramId> programs, LocalDate today) {
        ProgramId[] program = new ProgramId[1];
        String[] domain = new String[1];
        EmailAddress[] email = new EmailAddress[1];
        BigDecimal[] amount = new BigDecimal[1];
        Currency[] currency = new Currency[1];
        List<String>[] products = new List[1];
        LocalDate[] close = new LocalDate[1];
        InvalidInputException.collect(
                () -> program[0] = program(deal.programId(), programs),
                () -> text("accountName", deal.accountName(), 200),
                () -> domain[0] = domain("website", deal.website()),
                () -> text("contactName", deal.contactName(), 120),
                () -> email[0] = email(deal.contactEmail()),
                () -> currency[0] = Money.currency(deal.currency(), "currency"),
                () -> amount[0] = positive("amount", deal.amount(), currency[0]),
                () -> products[0] = products(deal.products()),
                () -> close[0] = closeDate(deal.expectedClose(), today),
                () -> optional("notes", deal.notes(), 4000),
                () -> optional("industry", deal.industry(), 80));
        return new RegistrationTable.Checked(
                UUID.randomUUID(),
                partner,
                program[0],
                deal.accountName().strip(),
                deal.website().strip(),
                domain[0],
                deal.contactName().strip(),
                email[0].value(),
                new Money(amount[0], currency[0]),
                products[0],
                close[0],
                blankToNull(deal.notes()),
                blankToNull(deal.industry()));
    }

    public static String domain(String field, String website) {
        if (website == null || website.isBlank()) {
            throw new InvalidInputException(field, "Enter the company's web address, like acme.com");
        }
        return RegistrableDomain.of(website)
                .orElseThrow(() -> new InvalidInputException(field, "Not a web address with a registrable domain"));
    }

    /** An amount above zero, never finer than {@code currency}'s minor unit (when it is known). */
    public static BigDecimal positive(String field, String raw, Currency currency) {
        BigDecimal value = currency == null
                ? Money.parseAmount(raw, field)
                : Money.parse(raw, currency, field).amount();
        if (value.signum() <= 0) {
            throw new InvalidInputException(field, "Enter an amount above zero");
        }
        return value;
    }

    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required");
        }
        if (value.strip().length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters");
        }
        return value.strip();
    }

    public static String optional(String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters");
        }
        return blankToNull(value);
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A whole number between {@code min} and {@code max}, or an error naming {@code field}. */
    public static int number(String field, String raw, int min, int max) {
        try {
            int value = Integer.parseInt(raw == null ? "" : raw.strip());
            if (value < min || value > max) {
                throw new InvalidInputException(field, "Between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "Enter a whole number");
        }
    }

    /** One of {@code type}'s constants by name (any case), or an error naming {@code field}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw == null ? "" : raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "Unknown value '" + raw + "'");
        }
    }

    static EmailAddress email(String raw) {
        try {
            return new EmailAddress(raw);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(
                    "contactEmail", e.problems().getFirst().message());
        }
    }

    private static ProgramId program(String raw, Set<ProgramId> programs) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("programId", "Choose the programme this deal is under");
        }
        try {
            ProgramId id = new ProgramId(UUID.fromString(raw.strip()));
            if (programs.contains(id)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as for a programme the partner is not in
        }
        throw new InvalidInputException("programId", "Not one of your programmes");
    }

    private static List<String> products(List<String> raw) {
        List<String> products = raw == null
                ? List.of()
                : raw.stream()
                        .filter(p -> p != null && !p.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        if (products.size() > MAX_PRODUCTS) {
            throw new InvalidInputException("products", "At most " + MAX_PRODUCTS + " products");
        }
        if (products.stream().anyMatch(p -> p.length() > 80)) {
            throw new InvalidInputException("products", "A product name has at most 80 characters");
        }
        return products;
    }

    private static LocalDate closeDate(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("expectedClose", "Enter the expected close date");
        }
        try {
            LocalDate date = LocalDate.parse(raw.strip());
            if (date.isBefore(today)) {
                throw new InvalidInputException("expectedClose", "The expected close date has passed");
            }
            if (date.isAfter(today.plusYears(5))) {
                throw new InvalidInputException("expectedClose", "At most five years ahead");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expectedClose", "Use a date like 2027-03-31");
        }
    }

    /** The active partner named by {@code partnerId} (leads and rule weights); null when none was named. */
    public static PartnerView activePartner(Partners partners, String partnerId) {
        if (partnerId == null || partnerId.isBlank()) {
            return null;
        }
        try {
            PartnerView partner = partners.get(new PartnerId(UUID.fromString(partnerId.strip())));
            if (partner.status() != PartnerStatus.ACTIVE) {
                throw new InvalidInputException("partnerId", partner.name() + " is not active");
            }
            return partner;
        } catch (IllegalArgumentException | NotFoundException e) {
            throw new InvalidInputException("partnerId", "Not one of your partners");
        }
    }
}
